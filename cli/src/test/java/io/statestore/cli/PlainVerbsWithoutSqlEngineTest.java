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
 * The plain verbs work on the store itself: a new JVM running one of them through the launcher
 * loads no class of the SQL engine (Apache Calcite, its planner and code generator), while {@code
 * sql} does. The classes a run loads are read from the JVM's own class-loading log.
 */
class PlainVerbsWithoutSqlEngineTest {
  private static final String BODY =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": 1}}}, \"partial\": {}}";

  /** Classes that only planning, validating or compiling a SQL statement loads. */
  private static final List<String> ENGINE_AT_WORK =
      List.of(
          " org.apache.calcite.plan.volcano.VolcanoPlanner ",
          " org.apache.calcite.sql.validate.SqlValidatorImpl ",
          " org.apache.calcite.sql.parser.SqlParser ",
          " org.codehaus.janino.");

  @TempDir Path dir;

  /** Runs the launcher with the JVM logging every class it loads; returns the log's lines. */
  private List<String> classesLoaded(Launcher l, String stdin, String... args) throws Exception {
    Path log = Files.createTempFile(dir, "classes", ".log");
    l.env("JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    Launcher.Run r = l.run(dir, stdin, args);
    assertEquals(0, r.status(), String.join(" ", args) + ": " + r);
    List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
    assertTrue(
        lines.stream().anyMatch(s -> s.contains(" io.statestore.cli.StatestoreCommand ")),
        "the class-loading log is empty: " + log);
    return lines;
  }

  @Test
  void plainVerbsOnAFileStoreLoadNoCalciteClass() throws Exception {
    String store = Stores.file(dir.resolve("files"));
    Launcher l = new Launcher(dir.resolve("launcher"));
    List<List<String>> verbs =
        List.of(
            List.of("set", "-s", store, "dev:a", BODY),
            List.of("get", "-s", store, "dev:a"),
            List.of("list", "-s", store, "-l"),
            List.of("locks", "-s", store),
            List.of("export", "-s", store));
    for (List<String> verb : verbs) {
      List<String> calcite =
          classesLoaded(l, "", verb.toArray(new String[0])).stream()
              .filter(s -> s.contains(" org.apache.calcite."))
              .toList();
      assertEquals(List.of(), calcite, verb.get(0) + " loaded the SQL engine");
    }
  }

  @Test
  void plainVerbsOnTheDefaultStoreLoadNoCalciteClass() throws Exception {
    // The embedded database is opened through H2's own driver, not DriverManager, which would load
    // every driver the class path declares, the SQL engine's among them.
    Launcher l =
        new Launcher(dir.resolve("launcher"))
            .env("STATESTORE_HOME", dir.resolve("home").toString());
    for (String[] verb :
        List.of(new String[] {"set", "dev:a", BODY}, new String[] {"get", "dev:a"})) {
      List<String> calcite =
          classesLoaded(l, "", verb).stream()
              .filter(s -> s.contains(" org.apache.calcite."))
              .toList();
      assertEquals(
          0,
          calcite.size(),
          verb[0]
              + " loaded the SQL engine, e.g. "
              + calcite.subList(0, Math.min(3, calcite.size())));
    }
  }

  @Test
  void sqlStillRunsOnTheEngine() throws Exception {
    Stores.writeStateFile(dir.resolve("files"), "dev:a", BODY);
    String store = Stores.file(dir.resolve("files"));
    Launcher l = new Launcher(dir.resolve("launcher"));
    List<String> loaded = classesLoaded(l, "SELECT state_id FROM state;\n", "sql", store);
    for (String engine : ENGINE_AT_WORK.subList(0, 2)) {
      assertTrue(loaded.stream().anyMatch(s -> s.contains(engine)), "sql did not load" + engine);
    }
  }
}
