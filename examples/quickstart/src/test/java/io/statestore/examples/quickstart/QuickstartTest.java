package io.statestore.examples.quickstart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the quickstart twice (it must be re-runnable) and checks what it prints. */
class QuickstartTest {
  @TempDir Path dir;

  @Test
  void quickstartRunsAndRerunsOnAStore() throws Exception {
    String url = "jdbc:statestore:file://" + dir.toAbsolutePath();
    for (int i = 0; i < 2; i++) {
      ByteArrayOutputStream buf = new ByteArrayOutputStream();
      Quickstart.run(url, new PrintStream(buf, true, StandardCharsets.UTF_8));
      String out = buf.toString(StandardCharsets.UTF_8);
      assertTrue(out.contains("dev:tap-github-to-target-postgres"), out);
      assertTrue(out.contains("2024-08-07T18:45:12Z"), out);
      assertTrue(out.contains("Locks held right now: 0"), out);
      assertTrue(!out.contains("prod:tap-github-to-target-postgres       updated"), out);
    }
  }
}
