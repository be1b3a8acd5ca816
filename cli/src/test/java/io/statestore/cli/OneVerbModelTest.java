package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command line that names a verb builds that verb alone: a new JVM running {@code get} loads no
 * class of another verb. Without a verb, with {@code help} or {@code --help}, or with a mistyped
 * verb, the command still has every verb to list and reports the unknown one itself.
 */
class OneVerbModelTest {
  private static final String BODY =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": 1}}}, \"partial\": {}}";

  @TempDir Path dir;

  @Test
  void getLoadsNoOtherVerb() throws Exception {
    Stores.writeStateFile(dir.resolve("files"), "dev:a", BODY);
    String store = Stores.file(dir.resolve("files"));
    Path log = dir.resolve("classes.log");
    Launcher l =
        new Launcher(dir.resolve("launcher")).env("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    Launcher.Run r = l.run(dir, "", "--verbose", "get", "-s", store, "dev:a");
    assertEquals(0, r.status(), r.toString());
    assertTrue(r.out().contains("\"users\""), r.toString());
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertTrue(
        lines.stream().anyMatch(s -> s.contains(" io.statestore.cli.GetCommand ")),
        "the class-loading log does not show the verb: " + log);
    for (String verb : Verbs.NAMES) {
      if (verb.equals("get")) {
        continue;
      }
      String cls = " " + Verbs.of(verb).getName() + " ";
      assertEquals(
          List.of(),
          lines.stream().filter(s -> s.contains(cls)).toList(),
          "get built the model of " + verb);
    }
  }

  @Test
  void helpStillListsEveryVerb() {
    for (String[] args : List.of(new String[] {}, new String[] {"--help"}, new String[] {"help"})) {
      CliRun r = CliRun.run(args);
      String text = r.out() + r.err();
      for (String verb : Verbs.NAMES) {
        assertTrue(
            text.contains("  " + verb + " "),
            String.join(" ", args) + " does not list " + verb + ": " + r);
      }
    }
  }

  @Test
  void anUnknownVerbIsStillReportedByTheCommand() {
    CliRun r = CliRun.run("gte", "dev:a");
    assertEquals(ExitCodes.USER_ERROR, r.status(), r.toString());
    assertEquals(
        "statestore: Unmatched arguments from index 0: 'gte', 'dev:a' (see 'statestore --help')\n",
        r.err());
  }

  @Test
  void aVerbAloneStillHasItsHelpAndTheInheritedOption() {
    CliRun help = CliRun.run("get", "--help");
    assertEquals(0, help.status(), help.toString());
    assertTrue(help.out().contains("--verbose"), help.toString());
    CliRun helpVerb = CliRun.run("help", "get");
    assertEquals(0, helpVerb.status(), helpVerb.toString());
    assertEquals(help.out(), helpVerb.out());
  }
}
