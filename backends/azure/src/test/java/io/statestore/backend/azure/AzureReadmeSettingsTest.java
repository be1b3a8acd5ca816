package io.statestore.backend.azure;

import io.statestore.testkit.ReadmeSettings;
import org.junit.jupiter.api.Test;

/** This module's README shows the settings table the provider's definitions render. */
class AzureReadmeSettingsTest {

  @Test
  void theReadmeShowsTheSettingsTableTheDefinitionsRender() throws Exception {
    ReadmeSettings.assertDocumented(new AzureBackendProvider());
  }
}
