package io.statestore.backend.systemdb;

import io.statestore.testkit.ReadmeSettings;
import org.junit.jupiter.api.Test;

/** This module's README shows the settings table the provider's definitions render. */
class SystemDbReadmeSettingsTest {

  @Test
  void theReadmeShowsTheSettingsTableTheDefinitionsRender() throws Exception {
    ReadmeSettings.assertDocumented(new SystemDbBackendProvider());
  }
}
