package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.CommonSettings;
import io.statestore.core.SettingsDocs;
import io.statestore.spi.StateBackendProvider;
import io.statestore.testkit.CountingBackendProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The README's settings tables are the ones the definitions produce: they cannot drift. */
public class ReadmeSettingsTest {
  private static String readme() throws Exception {
    return Files.readString(Path.of("..", "README.md"), StandardCharsets.UTF_8);
  }

  @Test
  public void commonSettingsTableMatches() throws Exception {
    String expected = SettingsDocs.markdownTable(CommonSettings.ALL);
    assertTrue(readme().contains(expected), "README must contain:\n" + expected);
  }

  @Test
  public void everyBackendsTableMatches() throws Exception {
    String readme = readme();
    for (StateBackendProvider p : BackendRegistry.load().providers().values()) {
      if (p.settings().isEmpty() || p instanceof CountingBackendProvider) {
        continue;
      }
      String expected = SettingsDocs.markdownTable(p.settings());
      assertTrue(
          readme.contains(expected), "README must contain for " + p.scheme() + ":\n" + expected);
    }
  }
}
