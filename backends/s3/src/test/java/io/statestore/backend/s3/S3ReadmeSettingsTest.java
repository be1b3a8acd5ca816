package io.statestore.backend.s3;

import io.statestore.testkit.ReadmeSettings;
import org.junit.jupiter.api.Test;

/** This module's README shows the settings table the provider's definitions render. */
class S3ReadmeSettingsTest {

  @Test
  void theReadmeShowsTheSettingsTableTheDefinitionsRender() throws Exception {
    ReadmeSettings.assertDocumented(new S3BackendProvider());
  }
}
