package io.statestore.backend.azure;

import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.spi.Settings;
import io.statestore.spi.StoreLocation;
import java.util.Map;

/** Opens backends on Azurite the way the provider does, with explicit settings and environment. */
final class AzureTestStores {
  private AzureTestStores() {}

  /** Settings with explicit values and a fixed environment. */
  static Settings settings(Map<String, String> values, Map<String, String> environment) {
    return new Settings(
        StateStores.definitions(new AzureBackendProvider()), values, Environment.of(environment));
  }

  /** A backend on {@code azure://container/prefix} with the development account's key. */
  static AzureBackend open(
      AzuriteServer azurite, String container, String prefix, AzureClientOptions options) {
    return AzureBackendProvider.open(
        StoreLocation.parse("azure://" + container + (prefix.isEmpty() ? "" : "/" + prefix)),
        settings(
            Map.of(AzureSettings.CONNECTION_STRING.key(), azurite.connectionString()), Map.of()),
        options);
  }
}
