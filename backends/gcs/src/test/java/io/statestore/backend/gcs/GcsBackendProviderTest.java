package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStores;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.SettingDefinition;
import io.statestore.testkit.ReadmeSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The provider's scheme, settings, discovery and documentation; no store is contacted. */
class GcsBackendProviderTest {

  @Test
  void foundThroughTheServiceLoader() {
    assertInstanceOf(GcsBackendProvider.class, BackendRegistry.load().provider("gs"));
  }

  @Test
  void theCredentialsFileIsSensitiveWithGooglesEnvironmentVariable() {
    GcsBackendProvider provider = new GcsBackendProvider();
    assertEquals("gs", provider.scheme());
    SettingDefinition def = provider.settings().get(0);
    assertEquals("gcs.application_credentials", def.key());
    assertTrue(def.sensitive());
    assertEquals("GOOGLE_APPLICATION_CREDENTIALS", def.envVar());
    assertTrue(provider.settings().stream().allMatch(d -> d.key().startsWith("gcs.")));
  }

  @Test
  void openingMakesNoRequest() {
    // Port 9 (discard) on loopback: nothing listens; open() must not care.
    try (var store =
        StateStores.open(
            "gs://some-bucket/pre/fix/",
            Map.of("gcs.endpoint", "http://127.0.0.1:9", "gcs.project", "p"))) {
      assertEquals("gs://some-bucket/pre/fix", store.describe());
      assertInstanceOf(ObjectStoreBackend.class, store.backend());
      assertEquals("gs://some-bucket/pre/fix", store.backend().toString());
    }
  }

  @Test
  void theReadmeShowsTheSettingsTableTheDefinitionsRender() throws Exception {
    ReadmeSettings.assertDocumented(new GcsBackendProvider());
  }
}
