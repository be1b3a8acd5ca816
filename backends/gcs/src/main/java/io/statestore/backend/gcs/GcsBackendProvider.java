package io.statestore.backend.gcs;

import com.google.cloud.storage.Storage;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.core.objectstore.ObjectStoreErrors;
import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code gs} scheme: {@code gs://bucket/prefix} keeps states in a Google Cloud Storage bucket
 * in Meltano's layout, through an {@link ObjectStoreBackend} over {@link GcsStoreClient}.
 * Credentials come from the setting {@code gcs.application_credentials}, else the environment
 * variable {@code GOOGLE_APPLICATION_CREDENTIALS}, else none when {@code gcs.endpoint} is set, else
 * Application Default Credentials ({@link GcsSettings}). Opening checks the URI and settings, reads
 * the credentials and builds the client; it makes no request to the bucket.
 */
public final class GcsBackendProvider implements StateBackendProvider {
  private static final Logger LOG = LoggerFactory.getLogger(GcsBackendProvider.class);
  private static final Pattern BUCKET =
      Pattern.compile("^(?=.{3,222}$)[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$");

  /** How {@code gs://bucket/prefix} is read: the bucket is the URI's host, the prefix its path. */
  static final ObjectStoreLocation.Naming NAMING =
      new ObjectStoreLocation.Naming(
          "gs",
          "Cloud Storage URI",
          "bucket",
          "Cloud Storage",
          false,
          GcsBackendProvider::isBucketName,
          "3 to 63 lower-case letters, digits, '-', '_' and '.', starting and ending with a letter"
              + " or digit",
          "give a credentials file in the setting "
              + GcsSettings.APPLICATION_CREDENTIALS.key()
              + " or the environment variable "
              + GcsSettings.APPLICATION_CREDENTIALS_ENV
              + ", and another endpoint in "
              + GcsSettings.ENDPOINT.key());

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
  static ObjectStoreBackend open(
      StoreLocation location,
      Settings settings,
      GcsClientOptions options,
      ApplicationDefaultCredentials adc) {
    ObjectStoreLocation where = location(location);
    Optional<String> endpoint = GcsClients.endpoint(settings.find(GcsSettings.ENDPOINT));
    Optional<String> project =
        settings.find(GcsSettings.PROJECT).map(String::strip).filter(s -> !s.isEmpty());
    GcsCredentials credentials = GcsCredentials.resolve(settings, adc);
    Storage storage = GcsClients.build(credentials, endpoint, project, options);
    String shownEndpoint = endpoint.orElse(GcsClients.DEFAULT_ENDPOINT);
    LOG.debug(
        "Opened {} (endpoint {}, credentials from {})", where, shownEndpoint, credentials.source());
    return new ObjectStoreBackend(
        new GcsStoreClient(storage, where.container(), where.layout()),
        new ObjectStoreErrors(
            new ObjectStoreErrors.Naming(
                "Cloud Storage",
                where,
                "bucket",
                shownEndpoint,
                credentials.source(),
                "check the account and its permissions on bucket '"
                    + where.container()
                    + "', e.g. the role Storage Object User",
                GcsSettings.CONNECT_TIMEOUT_SECONDS.key()
                    + ", "
                    + GcsSettings.READ_TIMEOUT_SECONDS.key()),
            GcsFailures.INSTANCE),
        where,
        // Meltano's layout in a bucket: object names of at most 1024 bytes, ids without '/'.
        where.layout().idRule(where.describe(), 1024, true),
        options.pageSize());
  }

  /**
   * Parses {@code gs://bucket/prefix}.
   *
   * @throws io.statestore.spi.StateStoreException {@code INVALID_CONFIGURATION} naming what is
   *     wrong
   */
  static ObjectStoreLocation location(StoreLocation location) {
    return ObjectStoreLocation.parse(location, NAMING);
  }

  /**
   * Whether a name follows Cloud Storage's bucket rules: 3 to 63 characters (up to 222 with dots)
   * of lower-case letters, digits, {@code -}, {@code _} and {@code .}, starting and ending with a
   * letter or digit, without {@code ..}.
   */
  private static boolean isBucketName(String name) {
    return BUCKET.matcher(name).matches()
        && (name.indexOf('.') >= 0 || name.length() <= 63)
        && !name.contains("..");
  }
}
