package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.testkit.MeltanoSqlite;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code statestore} launcher script itself, run by {@code sh}: it puts the statestore jar, an
 * {@code ext/} directory next to it and {@code STATESTORE_CLASSPATH} on the class path, and runs
 * the command in a UTF-8 locale whatever the caller's. The "statestore jar" here is an empty jar;
 * the command's classes come through {@code STATESTORE_CLASSPATH} and SQLite's JDBC driver from
 * {@code ext/}, so each test shows that both are honoured.
 */
class LauncherTest {
  private static final Path SCRIPT = Path.of("src/main/scripts/statestore");
  private static final String BODY =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {}}}, \"partial\": {}}";

  @TempDir Path dir;
  private Path jar;
  private String classpath;
  private Path db;

  @BeforeEach
  void install() throws Exception {
    Path lib = Files.createDirectories(dir.resolve("lib"));
    jar = lib.resolve("statestore-cli-0.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.finish();
    }
    Path ext = Files.createDirectories(lib.resolve("ext"));
    List<String> rest = new ArrayList<>();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (p.getFileName().toString().startsWith("sqlite-jdbc")) {
        Files.copy(p, ext.resolve(p.getFileName()));
      } else {
        rest.add(entry);
      }
    }
    classpath = String.join(File.pathSeparator, rest);
    db = dir.resolve("project").resolve(".meltano").resolve("meltano.db");
    Files.createDirectories(db.getParent());
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement()) {
      // Meltano's database after its migrations, with one state Meltano wrote.
      MeltanoSqlite.createMigratedTables(c);
      s.execute(
          "INSERT INTO state (state_id, partial_state, completed_state) VALUES"
              + " ('dev:tap-a-to-target-b', '{}', '{\"singer_state\": {\"bookmarks\": {}}}')");
    }
  }

  @Test
  void opensMeltanosSqliteDatabaseWithTheDriverFromExt() throws Exception {
    String store = "systemdb:jdbc:sqlite:" + db;
    Run list = launch(Map.of(), "list", "--store", store);
    assertEquals(0, list.status, list.toString());
    assertEquals("dev:tap-a-to-target-b", list.out.strip(), list.toString());
    Run get = launch(Map.of(), "get", "--raw", "dev:tap-a-to-target-b", "--store", store);
    assertEquals(0, get.status, get.toString());
    assertEquals(BODY, get.out.strip());
    assertEquals(List.of("alembic_version", "state"), tables(), "reading created a table");

    Files.delete(Files.list(jar.resolveSibling("ext")).findFirst().orElseThrow());
    Run without = launch(Map.of(), "list", "--store", store);
    assertNotEquals(0, without.status, without.toString());
    assertTrue(without.err.contains("org.xerial:sqlite-jdbc"), without.toString());
  }

  @Test
  void nonAsciiIdsWorkUnderLcAllC() throws Exception {
    String store = "systemdb:jdbc:sqlite:" + db;
    String id = "dev:tap-café-to-target-ü-東京";
    Path input = dir.resolve("state.json");
    Files.writeString(input, BODY, StandardCharsets.UTF_8);
    Map<String, String> c = Map.of("LC_ALL", "C");
    Run set = launch(c, "set", id, "--input-file", input.toString(), "--store", store);
    assertEquals(0, set.status, set.toString());
    Run list = launch(c, "list", "--store", store);
    assertEquals(0, list.status, list.toString());
    assertEquals(List.of("dev:tap-a-to-target-b", id), list.out.strip().lines().toList());
    Run get = launch(c, "get", "--raw", id, "--store", store);
    assertEquals(0, get.status, get.toString());
    assertEquals(BODY, get.out.strip());
    try (Connection conn = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id FROM state ORDER BY state_id")) {
      List<String> ids = new ArrayList<>();
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
      assertEquals(List.of("dev:tap-a-to-target-b", id), ids, "ids as Meltano reads them");
    }
  }

  private List<String> tables() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1")) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  private record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Run launch(Map<String, String> env, String... args) throws IOException, Exception {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    Path out = dir.resolve("out.txt");
    Path err = dir.resolve("err.txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> e = pb.environment();
    Stream.of("LANG", "LC_ALL", "LC_CTYPE", "STATESTORE_URI", "JAVA_OPTS").forEach(e::remove);
    e.put("STATESTORE_JAR", jar.toString());
    e.put("STATESTORE_CLASSPATH", classpath);
    e.put("JAVA_HOME", System.getProperty("java.home"));
    e.putAll(env);
    Process p = pb.start();
    assertTrue(p.waitFor(2, TimeUnit.MINUTES), "the command did not finish");
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readAllLines(err, StandardCharsets.UTF_8).stream().collect(Collectors.joining("\n")));
  }
}
