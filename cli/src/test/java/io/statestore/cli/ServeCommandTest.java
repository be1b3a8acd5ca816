package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statestore serve}: adding users, and refusing to start without any. */
class ServeCommandTest {
  @TempDir Path dir;

  @Test
  void addUserWritesAVerifierNeverThePassword() throws Exception {
    Path users = dir.resolve("users");
    CliRun r =
        CliRun.run(
            "s3cret-pass\n", false, "serve", "--add-user", "analyst", "--users", users.toString());
    assertEquals(ExitCodes.OK, r.status(), r.toString());
    String text = Files.readString(users);
    assertTrue(text.startsWith("analyst:SCRAM-SHA-256$4096:"), text);
    assertFalse(text.contains("s3cret-pass") || r.err().contains("s3cret-pass"), r.toString());
  }

  @Test
  void refusesToServeWithoutAUsersFile() {
    CliRun r =
        CliRun.run("serve", "-s", "memory:serve-cli", "--users", dir.resolve("none").toString());
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertTrue(r.err().contains("--add-user"), r.toString());
  }

  @Test
  void refusesAnUnknownBodyTypeBeforeServing() {
    CliRun r =
        CliRun.run(
            "serve", "-s", "memory:serve-cli", "--trust", "--port", "0", "--body-type", "xml");
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertTrue(r.err().contains("--body-type is varchar or json, not 'xml'"), r.toString());
  }
}
