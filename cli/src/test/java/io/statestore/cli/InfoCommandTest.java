package io.statestore.cli;

import static io.statestore.cli.CliRun.run;
import static io.statestore.cli.Stores.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code statestore info} and {@code --verbose}: the store in use, told without creating it. */
class InfoCommandTest {
  @TempDir Path dir;

  @Test
  void aFileStoreWithItsStatesAndLocks() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    Stores.insert(uri, "dev:b", doc("2"));
    CliRun r = run("info", "-s", uri);
    assertEquals(0, r.status(), r.toString());
    List<String> lines = r.out().lines().toList();
    assertEquals("location  " + dir.resolve("s"), lines.get(2), r.out());
    assertTrue(lines.contains("exists    yes"), r.out());
    assertTrue(lines.contains("states    2"), r.out());
    assertTrue(lines.contains("locks     0 held, 0 stale"), r.out());
  }

  @Test
  void aMissingDirectoryIsReportedAndNotCreated() {
    Path missing = dir.resolve("no").resolve("such");
    CliRun r = run("info", "-s", "file://" + missing, "--format", "json");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("\"exists\": false, \"states\": 0"), r.out());
    assertFalse(Files.exists(dir.resolve("no")), "info created the directory");
  }

  @Test
  void credentialsAndSecretsInTheUriAreNeverShown() {
    CliRun r =
        run("info", "-s", "s3://AKIDEXAMPLE:hunter2@bucket/team/state?secret_access_key=hunter2");
    // No such bucket can be reached here: the error may come, the secret may not.
    assertFalse(r.out().contains("hunter2") || r.err().contains("hunter2"), r.toString());
    CliRun v =
        run(
            "--verbose",
            "list",
            "-s",
            "s3://AKIDEXAMPLE:hunter2@bucket/team?secret_access_key=hunter2");
    assertFalse(v.out().contains("hunter2") || v.err().contains("hunter2"), v.toString());
    assertTrue(
        v.err().contains("statestore: store s3://***@bucket/team (bucket bucket, prefix team)"),
        v.err());
  }

  @Test
  void thePromptNamesTheStore() {
    assertEquals("statestore(" + dir + ")> ", SqlCommand.prompt("file://" + dir));
    assertEquals(
        "statestore(s3://***@b/p)> ", SqlCommand.prompt("s3://k:secret@b/p?secret_access_key=x"));
    assertEquals(
        "statestore(systemdb)> ", SqlCommand.prompt("systemdb:jdbc:postgresql://h/db?password=x"));
  }
}
