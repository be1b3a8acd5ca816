package io.statestore.backend.gcs;

import com.google.cloud.storage.Storage;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gs} scheme: {@code gs://bucket/prefix} keeps states in a Google Cloud Storage bucket
 * in Meltano's layout (see {@link GcsBackend}). Credentials come from the setting {@code
 * gcs.application_credentials}, else the environment variable {@code
 * GOOGLE_APPLICATION_CREDENTIALS}, else none when {@code gcs.endpoint} is set, else Application
 * Default Credentials ({@link GcsSettings}). Opening checks the URI and settings, reads the
 * credentials and builds the client; it makes no request to the bucket.
 */
public final class GcsBackendProvider implements StateBackendProvider {
  private static final Logger LOG = LoggerFactory.getLogger(GcsBackendProvider.class);

  @Override
  public String scheme() {
    return "gs";
  }

  @Override
  public String description() {
    return "Google Cloud Storage in Meltano's layout: gs://<bucket>/<prefix>/<state_id>/state.json";
  }

  @Override
  public List<SettingDefinition> settings() {
    return GcsSettings.ALL;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return open(
        location,
        settings,
        GcsClientOptions.defaults().withTimeouts(settings),
        ApplicationDefaultCredentials.GOOGLE);
  }

  /**
   * Opens a backend with explicit client options and Application Default Credentials (tests shrink
   * the listing page and never look for real credentials).
   */
  static GcsBackend open(
      StoreLocation location,
      Settings settings,
      GcsClientOptions options,
      ApplicationDefaultCredentials adc) {
    GcsLocation where = GcsLocation.parse(location);
    Optional<String> endpoint = GcsClients.endpoint(settings.find(GcsSettings.ENDPOINT));
    Optional<String> project =
        settings.find(GcsSettings.PROJECT).map(String::strip).filter(s -> !s.isEmpty());
    GcsCredentials credentials = GcsCredentials.resolve(settings, adc);
    Storage storage = GcsClients.build(credentials, endpoint, project, options);
    String shownEndpoint = endpoint.orElse(GcsClients.DEFAULT_ENDPOINT);
    GcsErrors errors =
        new GcsErrors(where.describe(), where.bucket(), shownEndpoint, credentials.source());
    LOG.debug(
        "Opened {} (endpoint {}, credentials from {})", where, shownEndpoint, credentials.source());
    return new GcsBackend(storage, where, errors, options);
  }
}
