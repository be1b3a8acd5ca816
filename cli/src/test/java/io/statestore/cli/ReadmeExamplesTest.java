package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The top README's first screen, run as written: each {@code $ statestore ...} line of the block
 * after the {@code first-screen} marker runs through the launcher, from the source tree's root, on
 * a store holding what the quickstart writes, and prints exactly the lines the README shows under
 * it.
 */
class ReadmeExamplesTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
  private static final String MARKER = "<!-- first-screen:";

  /** The three states of the quickstart, as {@code statestore import} reads them. */
  private static final String QUICKSTART_STATES =
      "{"
          + state("dev:tap-github-to-target-postgres", "users", "2024-08-01T10:00:00Z")
          + ","
          + state("dev:tap-stripe-to-target-snowflake", "charges", "2024-08-02T11:30:00Z")
          + ","
          + state("prod:tap-github-to-target-postgres", "users", "2024-08-07T18:45:12Z")
          + "}";

  @TempDir Path dir;

  private static String state(String id, String stream, String bookmark) {
    return "\""
        + id
        + "\": {\"completed\": {\"singer_state\": {\"bookmarks\": {\""
        + stream
        + "\": {\"replication_key\": \"updated_at\", \"replication_key_value\": \""
        + bookmark
        + "\"}}}}, \"partial\": {}}";
  }

  /** One command of the README and the lines it shows under it. */
  private record Example(String command, List<String> output) {}

  private static List<Example> firstScreen() throws Exception {
    List<String> lines = Files.readAllLines(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
    int i = 0;
    while (i < lines.size() && !lines.get(i).startsWith(MARKER)) {
      i++;
    }
    assertTrue(i < lines.size(), "README.md has no " + MARKER + " marker");
    while (!lines.get(i).startsWith("```")) {
      i++;
    }
    List<Example> out = new ArrayList<>();
    for (i++; !lines.get(i).startsWith("```"); i++) {
      String line = lines.get(i);
      if (line.startsWith("$ ")) {
        out.add(new Example(line.substring(2), new ArrayList<>()));
      } else {
        out.get(out.size() - 1).output().add(line);
      }
    }
    return out;
  }

  @Test
  void theFirstScreenRunsAsShown() throws Exception {
    List<Example> examples = firstScreen();
    List<String> commands = examples.stream().map(Example::command).toList();
    for (String verb : List.of("list", "get", "set", "sql -f")) {
      assertTrue(
          commands.stream().anyMatch(c -> c.startsWith("statestore " + verb)),
          "the README's first screen shows statestore " + verb + ": " + commands);
    }
    Launcher l =
        new Launcher(dir.resolve("launcher"))
            .env("STATESTORE_HOME", dir.resolve("home").toString());
    Launcher.Run seed = l.run(ROOT, QUICKSTART_STATES, "import");
    assertEquals(0, seed.status(), seed.toString());

    for (Example e : examples) {
      if (!e.command().startsWith("statestore ")) {
        continue; // export PATH=...: the launcher is on the PATH here
      }
      Launcher.Run r = l.shell(ROOT, e.command());
      assertEquals(0, r.status(), e.command() + "\n" + r);
      assertEquals(e.output(), r.out().lines().toList(), e.command() + "\n" + r);
    }
  }
}
