package io.statestore.backend.file;

import io.statestore.testkit.ReadmeSettings;
import org.junit.jupiter.api.Test;

/** This module's README shows the settings table the provider's definitions render. */
class FileReadmeSettingsTest {

  @Test
  void theReadmeShowsTheSettingsTableTheDefinitionsRender() throws Exception {
    ReadmeSettings.assertDocumented(new FileBackendProvider());
  }
}
