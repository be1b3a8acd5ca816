package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Stores as Meltano leaves them, read and written through JDBC: every id Meltano accepts on a store
 * is listed and readable, a NULL column reads as Meltano renders it, and Meltano's user-facing
 * state form ({@code {"singer_state": ...}}) is stored as {@code meltano state set} stores it.
 */
class MeltanoIdsAndFormsTest {
  /** What Meltano's local filesystem backend writes: {@code json.dumps(state.to_dict())}. */
  private static final String FILE_DOC =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"t\": {\"v\": 1}}}}, \"partial\": {}}";

  /** Meltano's state table, as its migration creates it (PostgreSQL's types, which H2 reads). */
  private static final String MELTANO_DDL =
      "CREATE TABLE state (state_id VARCHAR(900) NOT NULL, partial_state VARCHAR,"
          + " completed_state VARCHAR, updated_at TIMESTAMP WITHOUT TIME ZONE,"
          + " PRIMARY KEY (state_id), UNIQUE (state_id))";

  private static final String LONG_ID = "dev:tap-" + "x".repeat(284) + "-to-y";

  @TempDir Path dir;

  // ------------------------------------------------------------------ file stores

  @Test
  void idsWithDotsThatMeltanoWritesToADirectoryAreListedAndReadable() throws Exception {
    Path store = Files.createDirectory(dir.resolve("state"));
    meltanoFile(store, "dev:tap-v1..v2-to-target");
    meltanoFile(store, "dev:plain");
    try (Connection c = DriverManager.getConnection("jdbc:statestore:file://" + store)) {
      assertEquals(
          List.of("dev:plain", "dev:tap-v1..v2-to-target"),
          column(c, "SELECT state_id FROM state WHERE state_id LIKE 'dev:%' ORDER BY state_id"));
      assertEquals(
          List.of("dev:plain", "dev:tap-v1..v2-to-target"),
          column(c, "SELECT state_id FROM state ORDER BY 1"));
      assertEquals(
          List.of(FILE_DOC),
          column(c, "SELECT body FROM state WHERE state_id = 'dev:tap-v1..v2-to-target'"));
      assertEquals(
          List.of("dev:tap-v1..v2-to-target"),
          column(
              c, "SELECT state_id FROM state WHERE state_id IN ('dev:tap-v1..v2-to-target', 'z')"));
      assertEquals(
          1,
          update(
              c,
              "UPDATE state SET body = '{\"completed\": {}}'"
                  + " WHERE state_id = 'dev:tap-v1..v2-to-target'"));
      assertEquals(1, update(c, "INSERT INTO state VALUES ('prod:a..b', '{}', NULL)"));
      assertTrue(Files.isRegularFile(store.resolve("prod:a..b").resolve("state.json")));
    }
  }

  @Test
  void anIdAFileStoreCannotHoldIsRefusedNamingTheRule() throws Exception {
    Path store = Files.createDirectory(dir.resolve("state"));
    try (Connection c = DriverManager.getConnection("jdbc:statestore:file://" + store)) {
      for (String id : List.of("team/dev", "..", ".", "a\\b")) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> update(c, "INSERT INTO state VALUES ('" + id + "', '{}', NULL)"));
        assertEquals("22023", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("file store"), e.getMessage());
        assertEquals(
            List.of(), column(c, "SELECT state_id FROM state WHERE state_id = '" + id + "'"));
      }
      SQLException tooLong =
          assertThrows(
              SQLException.class,
              () -> update(c, "INSERT INTO state VALUES ('" + "x".repeat(256) + "', '{}', NULL)"));
      assertEquals("22023", tooLong.getSQLState());
      assertTrue(tooLong.getMessage().contains("255"), tooLong.getMessage());
      try (var files = Files.list(store)) {
        assertFalse(files.anyMatch(p -> !p.getFileName().toString().startsWith(".")));
      }
    }
  }

  // ------------------------------------------------------------------ system database

  @Test
  void systemDatabaseRowsMeltanoWroteAreAllListedAndReadAsMeltanoRendersThem() throws Exception {
    String h2 = "jdbc:h2:file:" + dir.resolve("meltano").toAbsolutePath();
    try (Connection meltano = DriverManager.getConnection(h2)) {
      try (Statement s = meltano.createStatement()) {
        s.execute(MELTANO_DDL);
      }
      meltanoRow(meltano, "team/dev:tap-x-to-y", null, "{\"singer_state\": {\"a\": 1}}");
      meltanoRow(meltano, LONG_ID, "{}", "{\"singer_state\": {\"b\": 2}}");
      meltanoRow(meltano, "dev:imported", null, null);
    }
    try (Connection c = DriverManager.getConnection("jdbc:statestore:systemdb:" + h2)) {
      assertEquals(
          List.of("team/dev:tap-x-to-y"),
          column(c, "SELECT state_id FROM state WHERE state_id LIKE 'team/%'"));
      assertEquals(3, column(c, "SELECT state_id FROM state").size());
      assertEquals(
          List.of("{\"completed\": {\"singer_state\": {\"a\": 1}}, \"partial\": null}"),
          column(c, "SELECT body FROM state WHERE state_id = 'team/dev:tap-x-to-y'"));
      assertEquals(
          List.of("{\"completed\": {\"singer_state\": {\"b\": 2}}, \"partial\": {}}"),
          column(c, "SELECT body FROM state WHERE state_id = '" + LONG_ID + "'"));
      assertEquals(
          List.of("{\"completed\": null, \"partial\": null}"),
          column(c, "SELECT body FROM state WHERE state_id = 'dev:imported'"));

      // Written back unchanged, a null part stays NULL, as Meltano writes None.
      assertEquals(
          1,
          update(
              c,
              "UPDATE state SET body = '{\"completed\": {\"singer_state\": {\"a\": 2}},"
                  + " \"partial\": null}' WHERE state_id = 'team/dev:tap-x-to-y'"));
      assertEquals(
          1,
          update(c, "INSERT INTO state VALUES ('team/new:" + "y".repeat(800) + "', '{}', NULL)"));
      SQLException tooLong =
          assertThrows(
              SQLException.class,
              () -> update(c, "INSERT INTO state VALUES ('" + "z".repeat(901) + "', '{}', NULL)"));
      assertEquals("22023", tooLong.getSQLState());
      assertTrue(tooLong.getMessage().contains("900"), tooLong.getMessage());
    }
    try (Connection meltano = DriverManager.getConnection(h2);
        Statement s = meltano.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT completed_state, partial_state FROM state"
                    + " WHERE state_id = 'team/dev:tap-x-to-y'")) {
      assertTrue(rs.next());
      assertEquals("{\"singer_state\": {\"a\": 2}}", rs.getString(1));
      assertEquals(null, rs.getString(2));
    }
  }

  // ------------------------------------------------------------------ Meltano's state form

  @Test
  void meltanosStateFormIsStoredAsMeltanoStateSetStoresIt() throws Exception {
    Path store = Files.createDirectory(dir.resolve("state"));
    try (Connection c = DriverManager.getConnection("jdbc:statestore:file://" + store)) {
      assertEquals(
          1,
          update(
              c,
              "INSERT INTO state (state_id, body)"
                  + " VALUES ('dev:a', '{\"singer_state\": {\"bookmarks\": {\"u\": 1}}}')"));
      assertEquals(
          "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"u\": 1}}}, \"partial\": {}}",
          Files.readString(store.resolve("dev:a").resolve("state.json")));
      assertEquals(
          1,
          update(
              c,
              "UPDATE state SET body = '{\"singer_state\": {\"v\": 2}, \"note\": \"x\"}'"
                  + " WHERE state_id = 'dev:a'"));
      assertEquals(
          List.of(
              "{\"completed\": {\"singer_state\": {\"v\": 2}, \"note\": \"x\"}, \"partial\": {}}"),
          column(c, "SELECT body FROM state WHERE state_id = 'dev:a'"));
      assertEquals(
          1,
          update(
              c,
              "MERGE INTO state t USING (VALUES ('dev:b', '{\"singer_state\": {}}')) AS s(id, b)"
                  + " ON t.state_id = s.id WHEN MATCHED THEN UPDATE SET body = s.b"
                  + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (s.id, s.b)"));
      assertEquals(
          List.of("{\"completed\": {\"singer_state\": {}}, \"partial\": {}}"),
          column(c, "SELECT body FROM state WHERE state_id = 'dev:b'"));

      // Neither form: refused as Meltano's state set refuses it (and naming both forms).
      for (String body :
          List.of(
              "{\"bookmarks\": {}}", "{\"singer_state\": {}, \"completed\": {}}", "{\"x\": 1}")) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () -> update(c, "UPDATE state SET body = '" + body + "' WHERE state_id = 'dev:a'"));
        assertEquals("22032", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("singer_state"), e.getMessage());
      }
    }
  }

  // ------------------------------------------------------------------ helpers

  private static void meltanoFile(Path store, String id) throws Exception {
    Path d = Files.createDirectory(store.resolve(id));
    Files.write(d.resolve("state.json"), FILE_DOC.getBytes(StandardCharsets.UTF_8));
  }

  private static void meltanoRow(Connection c, String id, String partial, String completed)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO state (state_id, partial_state, completed_state) VALUES (?, ?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, partial);
      ps.setString(3, completed);
      ps.executeUpdate();
    }
  }

  private static int update(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private static List<String> column(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
