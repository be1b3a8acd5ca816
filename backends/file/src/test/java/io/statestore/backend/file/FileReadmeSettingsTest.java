package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.SettingsDocs;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** This module's README shows the settings table the provider's definitions render. */
class FileReadmeSettingsTest {

  @Test
  void theReadmeShowsTheSettingsTableTheDefinitionsRender() throws Exception {
    Path readme = Path.of("README.md");
    assertTrue(Files.isRegularFile(readme), "missing " + readme.toAbsolutePath());
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String expected = SettingsDocs.markdownTable(new FileBackendProvider().settings());
    assertTrue(
        text.contains(expected),
        "README.md must contain the settings table as the definitions render it:\n" + expected);
  }
}
