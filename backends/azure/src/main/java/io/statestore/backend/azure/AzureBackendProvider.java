package io.statestore.backend.azure;

import com.azure.storage.blob.BlobContainerClient;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.core.objectstore.ObjectStoreErrors;
import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StoreLocation;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The {@code azure} scheme: {@code azure://container/prefix} keeps states in an Azure Blob Storage
 * container in Meltano's layout, through an {@link ObjectStoreBackend} over {@link
 * AzureStoreClient}. The connection string comes from the setting {@code azure.connection_string}
 * or the environment variable {@code AZURE_STORAGE_CONNECTION_STRING} ({@link AzureSettings}).
 */
public final class AzureBackendProvider implements StateBackendProvider {
  /** Azure's container name rules: 3 to 63 of a-z, 0-9 and single inner hyphens; or $root. */
  private static final Pattern CONTAINER =
      Pattern.compile("^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$|^\\$root$");

  /**
   * How {@code azure://container/prefix} is read: the container is the URI's host, lower-cased, the
   * prefix its path, taken literally.
   */
  static final ObjectStoreLocation.Naming NAMING =
      new ObjectStoreLocation.Naming(
          "azure",
          "Azure store URI",
          "container",
          "Azure",
          true,
          name -> CONTAINER.matcher(name).matches(),
          "3 to 63 lower-case letters, digits and single hyphens, starting and ending with a"
              + " letter or digit",
          "give the connection string in the setting "
              + AzureSettings.CONNECTION_STRING.key()
              + " or the environment variable "
              + AzureSettings.CONNECTION_STRING_ENV);

  @Override
  public String scheme() {
    return "azure";
  }

  @Override
  public String description() {
    return "Azure Blob Storage in Meltano's layout:"
        + " azure://<container>/<prefix>/<state_id>/state.json";
  }

  @Override
  public List<SettingDefinition> settings() {
    return AzureSettings.ALL;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return open(location, settings, AzureClientOptions.defaults().withTimeouts(settings));
  }

  /**
   * Parses {@code azure://container/prefix}.
   *
   * @throws io.statestore.spi.StateStoreException {@code INVALID_CONFIGURATION} naming what is
   *     wrong
   */
  static ObjectStoreLocation location(StoreLocation location) {
    return ObjectStoreLocation.parse(location, NAMING);
  }

  /** Opens a backend with explicit client options (tests shrink the listing page). */
  static ObjectStoreBackend open(
      StoreLocation location, Settings settings, AzureClientOptions options) {
    ObjectStoreLocation where = location(location);
    AzureCredentials credentials = AzureCredentials.resolve(settings);
    BlobContainerClient container = AzureClients.container(credentials, where, options);
    return backend(
        container,
        where,
        AzureClients.endpoint(container),
        credentials.source(),
        options.pageSize());
  }

  /**
   * A backend on a built container client.
   *
   * @param endpoint the blob service endpoint, safe to show
   * @param credentialSource where the connection string came from, for messages
   */
  static ObjectStoreBackend backend(
      BlobContainerClient container,
      ObjectStoreLocation location,
      String endpoint,
      String credentialSource,
      int pageSize) {
    return new ObjectStoreBackend(
        new AzureStoreClient(container),
        new ObjectStoreErrors(
            new ObjectStoreErrors.Naming(
                "Azure Blob Storage",
                location,
                "container",
                endpoint,
                "the connection string from " + credentialSource,
                "check its AccountName and AccountKey or SharedAccessSignature, and the"
                    + " permissions on container '"
                    + location.container()
                    + "'",
                AzureSettings.CONNECT_TIMEOUT_SECONDS.key()
                    + ", "
                    + AzureSettings.READ_TIMEOUT_SECONDS.key()),
            AzureFailures.INSTANCE),
        location,
        idRule(location),
        pageSize);
  }

  /**
   * Meltano's layout in a container: blob names of at most 1024 characters, ids without '/' or '\\'
   * (which Azure's tools take for a '/').
   */
  private static StateIdRule idRule(ObjectStoreLocation location) {
    return location
        .layout()
        .idRule(location.describe(), 1024, false)
        .without('\\', "Azure tools and SDKs take it for a path separator");
  }
}
