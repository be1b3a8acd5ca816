package io.statestore.examples.migrate;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the example twice: the first run copies every state, the second finds them unchanged. */
class MigrateTest {
  @TempDir Path dir;

  @Test
  void migratesThenResumesWithNothingToDo() throws Exception {
    String first = run();
    assertTrue(first.contains("Copied 4, skipped 0"), first);
    assertTrue(
        first.matches("(?s).*prod:tap-zendesk-to-target-bigquery +2024-08-07T19:02:40Z.*"), first);
    String second = run();
    assertTrue(second.contains("Copied 0, skipped 4 (4 unchanged"), second);
    assertTrue(
        second.matches("(?s).*dev:tap-stripe-to-target-snowflake +2024-08-02T11:30:00Z.*"), second);
  }

  private String run() throws Exception {
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    Migrate.run(dir, new PrintStream(buf, true, StandardCharsets.UTF_8));
    return buf.toString(StandardCharsets.UTF_8);
  }
}
