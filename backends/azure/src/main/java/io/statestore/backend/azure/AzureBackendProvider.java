package io.statestore.backend.azure;

import com.azure.storage.blob.BlobContainerClient;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;

/**
 * The {@code azure} scheme: {@code azure://container/prefix} keeps states in an Azure Blob Storage
 * container in Meltano's layout (see {@link AzureBackend}). The connection string comes from the
 * setting {@code azure.connection_string} or the environment variable {@code
 * AZURE_STORAGE_CONNECTION_STRING} ({@link AzureSettings}).
 */
public final class AzureBackendProvider implements StateBackendProvider {

  @Override
  public String scheme() {
    return "azure";
  }

  @Override
  public String description() {
    return "Azure Blob Storage in Meltano's layout: azure://<container>/<prefix>/<state_id>/state.json";
  }

  @Override
  public List<SettingDefinition> settings() {
    return AzureSettings.ALL;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return open(location, settings, AzureClientOptions.defaults().withTimeouts(settings));
  }

  /** Opens a backend with explicit client options (tests shrink the listing page). */
  static AzureBackend open(StoreLocation location, Settings settings, AzureClientOptions options) {
    AzureLocation where = AzureLocation.parse(location);
    AzureCredentials credentials = AzureCredentials.resolve(settings);
    BlobContainerClient container = AzureClients.container(credentials, where, options);
    AzureErrors errors =
        new AzureErrors(
            where.describe(),
            where.container(),
            AzureClients.endpoint(container),
            credentials.source());
    return new AzureBackend(container, where, errors, options);
  }
}
