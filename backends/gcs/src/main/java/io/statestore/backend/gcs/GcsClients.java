package io.statestore.backend.gcs;

import com.google.api.gax.retrying.RetrySettings;
import com.google.cloud.http.HttpTransportOptions;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.StorageOptions;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * Builds the one {@link Storage} client of a store on the JSON API, with the store's credentials,
 * endpoint and modest retries (the SDK retries 429, 5xx and dropped connections of idempotent and
 * conditional requests). Building makes no network call.
 */
final class GcsClients {
  /** Cloud Storage's own endpoint, named in messages when no other is set. */
  static final String DEFAULT_ENDPOINT = "https://storage.googleapis.com";

  private GcsClients() {}

  /**
   * The endpoint of the setting {@code gcs.endpoint}, normalised to {@code scheme://host[:port]}
   * plus any path, or empty for Cloud Storage's own.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming the setting when it
   *     is not an http(s) URL
   */
  static Optional<String> endpoint(Optional<String> setting) {
    Optional<String> value = setting.map(String::strip).filter(s -> !s.isEmpty());
    if (value.isEmpty()) {
      return Optional.empty();
    }
    String text = value.get();
    try {
      URI uri = new URI(text);
      String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
      if (!(scheme.equals("http") || scheme.equals("https"))
          || uri.getHost() == null
          || uri.getRawUserInfo() != null
          || uri.getRawQuery() != null) {
        throw new URISyntaxException(text, "not an http(s) URL without user info and query");
      }
      String path = uri.getRawPath() == null ? "" : uri.getRawPath();
      while (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      return Optional.of(scheme + "://" + uri.getRawAuthority() + path);
    } catch (URISyntaxException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '"
              + GcsSettings.ENDPOINT.key()
              + "' must be an http or https URL such as http://127.0.0.1:4443, got '"
              + StoreLocation.redact(text)
              + "'");
    }
  }

  /** Builds the client of a store. */
  static Storage build(
      GcsCredentials credentials,
      Optional<String> endpoint,
      Optional<String> project,
      GcsClientOptions options) {
    HttpTransportOptions.Builder transport =
        HttpTransportOptions.newBuilder()
            .setConnectTimeout((int) options.connectTimeout().toMillis())
            .setReadTimeout((int) options.readTimeout().toMillis());
    RetrySettings retries =
        RetrySettings.newBuilder()
            .setMaxAttempts(options.maxAttempts())
            .setInitialRetryDelayDuration(options.retryDelay())
            .setRetryDelayMultiplier(2.0)
            .setMaxRetryDelayDuration(options.maxRetryDelay())
            .setTotalTimeoutDuration(options.totalTimeout())
            .setInitialRpcTimeoutDuration(options.readTimeout())
            .setRpcTimeoutMultiplier(1.0)
            .setMaxRpcTimeoutDuration(options.readTimeout())
            .build();
    StorageOptions.Builder builder =
        StorageOptions.http()
            .setCredentials(credentials.credentials())
            .setTransportOptions(new RetryCountingTransport(transport))
            .setRetrySettings(retries)
            // Object requests need no project; naming one (possibly empty) keeps the SDK from
            // looking for a default one, which may ask a metadata server.
            .setProjectId(project.or(credentials::serviceAccountProject).orElse(""));
    endpoint.ifPresent(builder::setHost);
    return builder.build().getService();
  }
}
