package io.statestore.cli;

import static io.statestore.cli.Stores.doc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sql verb as a script runs it: a child process with stdin and stdout on pipes. */
class SqlScriptProcessTest {
  @TempDir Path dir;

  /** The result of one child process. */
  private record Proc(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Proc statestore(String stdin, String storeEnv, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add(StatestoreCommand.class.getName());
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
    pb.environment().remove("STATESTORE_URI");
    if (storeEnv != null) {
      pb.environment().put("STATESTORE_URI", storeEnv);
    }
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not end");
    return new Proc(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private static void assertClean(Proc r) {
    assertFalse(r.out().contains("\u001b") || r.err().contains("\u001b"), "escape codes: " + r);
    assertFalse(r.err().contains("\tat "), "a stack trace: " + r);
  }

  @Test
  void aScriptFileRunsWithTheStoreOptionAndPrintsOnlyRows() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    Files.writeString(
        dir.resolve("tour.sql"),
        "-- a tour\nSELECT state_id FROM state;\n"
            + "INSERT INTO state (state_id, body) VALUES ('dev:b', '{\"completed\": {}}');\n"
            + "SELECT COUNT(*) AS n FROM state;\n");
    Proc r = statestore("", null, "sql", "-s", uri, "-f", "tour.sql");
    assertEquals(0, r.status(), r.toString());
    assertEquals("state_id\ndev:a\nn\n2\n", r.out(), r.toString());
    assertTrue(r.err().contains("1 row affected"), r.toString());
    assertClean(r);
  }

  @Test
  void pipedSqlWithAnErrorStopsThereAndExitsOne() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    String script =
        "SELECT state_id FROM state;\nSELECT nope FROM state;\n"
            + "DELETE FROM state WHERE state_id = 'dev:a';\n";
    Proc r = statestore(script, uri, "sql", "--format", "csv");
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertEquals("state_id\ndev:a\n", r.out(), r.toString());
    assertEquals(1, r.err().strip().lines().count(), r.toString());
    assertTrue(r.err().contains("stdin line 2") && r.err().contains("[42"), r.toString());
    assertFalse(r.out().contains("SELECT"), "the input was echoed: " + r);
    assertClean(r);
    assertEquals(1, Stores.all(uri).size(), "statements after the error ran");
  }

  @Test
  void sqllineStyleScriptArgumentsUseTheDefaultStore() throws Exception {
    String uri = Stores.file(dir.resolve("s"));
    Stores.insert(uri, "dev:a", doc("1"));
    Files.writeString(dir.resolve("tour.sql"), "SELECT state_id FROM state");
    Proc r = statestore("", uri, "sql", "--", "-f", "tour.sql");
    assertEquals(0, r.status(), r.toString());
    assertEquals("state_id\ndev:a\n", r.out(), r.toString());
    assertClean(r);
  }

  @Test
  void aStoreThatCannotBeOpenedIsOneLineAndNoPrompt() throws Exception {
    Proc r = statestore("SELECT 1;\n", null, "sql", "nosuch://x");
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertEquals("", r.out(), r.toString());
    assertEquals(1, r.err().strip().lines().count(), r.toString());
    assertTrue(r.err().contains("[08001]"), r.toString());
    assertClean(r);
  }
}
