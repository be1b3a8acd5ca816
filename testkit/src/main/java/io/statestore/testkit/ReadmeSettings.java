package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.SettingsDocs;
import io.statestore.spi.StateBackendProvider;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Checks that a backend module's {@code README.md} shows the settings table its provider's
 * definitions render, so the documented settings cannot drift from the code. Call it from a test in
 * the module (tests run with the module directory as the working directory).
 */
public final class ReadmeSettings {
  private ReadmeSettings() {}

  /** Fails unless {@code README.md} in the working directory holds the provider's table. */
  public static void assertDocumented(StateBackendProvider provider) throws IOException {
    Path readme = Path.of("README.md");
    assertTrue(Files.isRegularFile(readme), "missing " + readme.toAbsolutePath());
    String text = Files.readString(readme, StandardCharsets.UTF_8);
    String expected = SettingsDocs.markdownTable(provider.settings());
    assertTrue(
        text.contains(expected),
        "README.md must contain the settings table of "
            + provider.scheme()
            + ": as the definitions render it:\n"
            + expected);
  }
}
