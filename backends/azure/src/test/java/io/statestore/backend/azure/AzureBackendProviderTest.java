package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStores;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's scheme, settings and discovery; no store is contacted. */
class AzureBackendProviderTest {

  @Test
  void foundThroughTheServiceLoader() {
    assertInstanceOf(AzureBackendProvider.class, BackendRegistry.load().provider("azure"));
  }

  @Test
  void theConnectionStringIsASecretWithMeltanosEnvironmentVariable() {
    AzureBackendProvider provider = new AzureBackendProvider();
    assertEquals("azure", provider.scheme());
    SettingDefinition def = provider.settings().get(0);
    assertEquals("azure.connection_string", def.key());
    assertEquals(SettingKind.SECRET, def.kind());
    assertTrue(def.sensitive());
    assertEquals("AZURE_STORAGE_CONNECTION_STRING", def.envVar());
  }

  @Test
  void openingBuildsNoConnection() {
    // Port 9 (discard) on loopback: nothing listens; open() must not care.
    String unreachable =
        "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey="
            + AzuriteServer.KEY
            + ";BlobEndpoint=http://127.0.0.1:9/acct;";
    try (var store =
        StateStores.open(
            "azure://some-container/pre/fix/", Map.of("azure.connection_string", unreachable))) {
      assertEquals("azure://some-container/pre/fix", store.describe());
      assertInstanceOf(ObjectStoreBackend.class, store.backend());
      assertEquals("azure://some-container/pre/fix", store.backend().toString());
    }
  }
}
