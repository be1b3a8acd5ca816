package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL that SQL clients, BI tools and query builders send on their own: reserved words as
 * aliases, a trailing semicolon, bound JSON paths, DDL, parameterised MERGE and the row-limit
 * forms.
 */
class ClientSqlTest {
  private static final String BOOKMARK =
      "{\"completed\": {\"singer_state\": {\"bookmark\": \"2024-01-0%d\"}}, \"partial\": {}}";

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:statestore:memory:client-sql-" + UUID.randomUUID());
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (int i = 1; i <= 9; i++) {
        ps.setString(1, "dev:tap-" + i);
        ps.setString(2, String.format(BOOKMARK, i));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private List<List<String>> rows(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      return read(rs);
    }
  }

  private static List<List<String>> read(ResultSet rs) throws SQLException {
    List<List<String>> out = new ArrayList<>();
    int n = rs.getMetaData().getColumnCount();
    while (rs.next()) {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= n; i++) {
        row.add(rs.getString(i));
      }
      out.add(row);
    }
    return out;
  }

  private SQLException refused(String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Statement s = conn.createStatement()) {
            s.execute(sql);
          }
        },
        sql);
  }

  private String body(String id) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  // 1. Reserved words as unquoted aliases

  @Test
  void reservedWordsServeAsUnquotedAliases() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) AS count FROM state")) {
      assertEquals("COUNT", rs.getMetaData().getColumnLabel(1).toUpperCase());
      assertTrue(rs.next());
      assertEquals(9, rs.getInt("count"));
    }
    assertEquals(
        List.of(List.of("dev:tap-1", "2024-01-01", "2024", "x")),
        rows(
            "SELECT state_id AS value,"
                + " JSON_VALUE(body, '$.completed.singer_state.bookmark') AS date,"
                + " SUBSTRING(JSON_VALUE(body, '$.completed.singer_state.bookmark') FROM 1 FOR 4)"
                + " AS year, 'x' AS user FROM state WHERE state_id = 'dev:tap-1'"));
    assertEquals(
        List.of(List.of("9")),
        rows("SELECT COUNT(*) count FROM state WHERE state_id LIKE 'dev:%'"));
    assertEquals(
        List.of(List.of("2024-01-02", "2", "x")),
        rows(
            "SELECT CAST(JSON_VALUE(body, '$.completed.singer_state.bookmark') AS DATE) AS date,"
                + " CAST(SUBSTRING(state_id FROM 9) AS INTEGER) AS row, 'x' AS values"
                + " FROM state WHERE state_id = 'dev:tap-2'"));
    assertEquals(
        List.of(List.of("1")),
        rows("SELECT t.\"timestamp\" FROM (SELECT 1 AS timestamp) AS t ORDER BY 1"));
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT 1 AS from, CAST(NULL AS TIMESTAMP) AS order, 'y' AS \"table\","
                    + " COUNT(*) AS current FROM state GROUP BY state_id"
                    + " HAVING state_id = 'dev:tap-1'")) {
      assertEquals("from", rs.getMetaData().getColumnLabel(1));
      assertEquals("order", rs.getMetaData().getColumnLabel(2));
      assertEquals("table", rs.getMetaData().getColumnLabel(3));
      assertEquals("current", rs.getMetaData().getColumnLabel(4));
      assertTrue(rs.next());
      assertEquals(1, rs.getInt("from"));
      assertEquals(1, rs.getInt("current"));
    }
  }

  // 2. A trailing semicolon

  @Test
  void oneTrailingSemicolonIsAccepted() throws SQLException {
    assertEquals(List.of(List.of("9")), rows("SELECT COUNT(*) FROM state;"));
    assertEquals(List.of(List.of("9")), rows("SELECT COUNT(*) FROM state ;  \n"));
    assertEquals(List.of(List.of("9")), rows("SELECT COUNT(*) FROM state; -- row count\n"));
    assertEquals(List.of(List.of("9")), rows("SELECT COUNT(*) FROM state; /* done */ "));
    assertEquals(
        List.of(List.of("9")), rows("SELECT COUNT(*) FROM state WHERE state_id <> 'x;y';"));
    assertEquals(
        List.of(List.of("9")), rows("SELECT COUNT(*) AS \"a;b\" FROM state /* ; */ -- ;\n;"));
    try (Statement s = conn.createStatement()) {
      assertEquals(
          1, s.executeUpdate("UPDATE state SET body = '{}' WHERE state_id = 'dev:tap-1';"));
      assertEquals(1, s.executeUpdate("DELETE FROM state WHERE state_id = 'dev:tap-1' ;"));
      assertEquals(
          1,
          s.executeUpdate(
              "INSERT INTO state (state_id, body) VALUES ('dev:tap-1', '{\"completed\": {}}');"));
    }
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT state_id FROM state WHERE state_id = ?;")) {
      ps.setString(1, "dev:tap-2");
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(List.of(List.of("dev:tap-2")), read(rs));
      }
    }
  }

  @Test
  void twoStatementsAreOneTooMany() throws SQLException {
    for (String sql :
        new String[] {
          "SELECT 1; SELECT 2", "SELECT 1;;", "SELECT 1; DELETE FROM state", "; SELECT 1"
        }) {
      SQLException e = refused(sql);
      assertEquals("42601", e.getSQLState(), sql + ": " + e.getMessage());
      assertTrue(e.getMessage().toLowerCase().contains("one statement"), e.getMessage());
    }
    assertEquals(List.of(9), countStates());
    SQLException lexical = refused("SELECT 'unterminated; FROM state");
    assertEquals("42601", lexical.getSQLState(), lexical.getMessage());
    assertEquals(
        List.of(List.of("dev:tap-1")),
        rows("SELECT state_id FROM state WHERE state_id = 'dev:tap-1' -- ; SELECT 2\n"));
  }

  private List<Integer> countStates() {
    try {
      return List.of(Integer.parseInt(rows("SELECT COUNT(*) FROM state").get(0).get(0)));
    } catch (SQLException e) {
      throw new AssertionError(e);
    }
  }

  // 3. Bound JSON paths

  @Test
  void jsonFunctionsTakeABoundPath() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT JSON_VALUE(body, ?), JSON_QUERY(body, ?), JSON_EXISTS(body, ?)"
                + " FROM state WHERE state_id = ?")) {
      ps.setString(1, "$.completed.singer_state.bookmark");
      ps.setString(2, "$.completed.singer_state");
      ps.setString(3, "$.partial");
      ps.setString(4, "dev:tap-3");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("2024-01-03", rs.getString(1));
        assertEquals("{\"bookmark\":\"2024-01-03\"}", rs.getString(2).replace(" ", ""));
        assertTrue(rs.getBoolean(3));
        assertFalse(rs.next());
      }
      ps.setString(1, "$.completed.missing");
      ps.setString(3, "$.nothing");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals(null, rs.getString(1));
        assertFalse(rs.getBoolean(3));
      }
    }
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT state_id FROM state WHERE JSON_VALUE(body, ?) = ? ORDER BY state_id")) {
      ps.setString(1, "$.completed.singer_state.bookmark");
      ps.setString(2, "2024-01-05");
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(List.of(List.of("dev:tap-5")), read(rs));
      }
    }
    assertEquals(
        List.of(List.of("2024-01-04")),
        rows(
            "SELECT JSON_VALUE(body, '$.completed.singer_state.bookmark') FROM state"
                + " WHERE state_id = 'dev:tap-4'"));
  }

  // 4. DDL

  @Test
  void ddlIsUnsupportedAndChangesNothing() throws SQLException {
    for (String sql :
        new String[] {
          "DROP TABLE state",
          "DROP TABLE IF EXISTS state",
          "DROP TABLE locks",
          "DROP VIEW v",
          "DROP SCHEMA statestore",
          "DROP INDEX i",
          "CREATE TABLE t (a INT)",
          "CREATE TABLE state (state_id VARCHAR(900) PRIMARY KEY, body VARCHAR)",
          "CREATE TABLE t AS SELECT * FROM state",
          "CREATE VIEW v AS SELECT * FROM state",
          "CREATE OR REPLACE VIEW v AS SELECT state_id FROM state",
          "CREATE SCHEMA s",
          "CREATE INDEX i ON state (body)",
          "CREATE UNIQUE INDEX i ON state (state_id)",
          "ALTER TABLE state ADD COLUMN c INT",
          "ALTER TABLE state RENAME TO s2",
          "ALTER SESSION SET x = 1",
          "TRUNCATE TABLE state",
          "TRUNCATE state",
          "drop table state;",
          "/* a comment */ DROP TABLE state",
          "COMMIT",
          "ROLLBACK",
          "BEGIN",
          "SET x = 1",
        }) {
      SQLException e = refused(sql);
      assertEquals("0A000", e.getSQLState(), sql + ": " + e.getMessage());
      String m = e.getMessage();
      assertTrue(m.contains("SELECT") && m.contains("MERGE") && m.contains("state"), m);
      if (sql.toUpperCase().startsWith("TRUNCATE")) {
        assertTrue(m.contains("DELETE FROM state"), m);
      }
    }
    SQLException prepared =
        assertThrows(SQLException.class, () -> conn.prepareStatement("DROP TABLE state").close());
    assertEquals("0A000", prepared.getSQLState(), prepared.getMessage());
    assertEquals(List.of(9), countStates());
    refused("SELECT * FROM t");
    refused("SELECT * FROM v");
    refused("SELECT * FROM s.state");
    assertEquals(1, rows("SELECT COUNT(*) FROM locks").size());
  }

  // 5. Parameterised MERGE

  private static final String MERGE_CAST =
      "MERGE INTO state t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR)))"
          + " AS s(state_id, body) ON t.state_id = s.state_id"
          + " WHEN MATCHED THEN UPDATE SET body = s.body"
          + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (s.state_id, s.body)";

  private static final String MERGE_PLAIN =
      "MERGE INTO state t USING (VALUES (?, ?)) AS s(state_id, body)"
          + " ON t.state_id = s.state_id"
          + " WHEN MATCHED THEN UPDATE SET body = s.body"
          + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (s.state_id, s.body)";

  @Test
  void parameterisedMergeRunsAgainAndInABatch() throws SQLException {
    for (String sql : new String[] {MERGE_CAST, MERGE_PLAIN}) {
      String a = "{\"completed\": {\"sql\": " + sql.length() + "}, \"partial\": {}}";
      String b = "{\"completed\": {\"again\": " + sql.length() + "}, \"partial\": {}}";
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setString(1, "dev:tap-1");
        ps.setString(2, a);
        assertEquals(1, ps.executeUpdate(), "update of an existing state");
        ps.setString(1, "new:" + sql.length());
        ps.setString(2, a);
        assertEquals(1, ps.executeUpdate(), "insert of a new state");
        ps.setString(1, "new:" + sql.length());
        ps.setString(2, b);
        assertEquals(1, ps.executeUpdate(), "update of the state just inserted");
      }
      assertEquals(a, body("dev:tap-1"));
      assertEquals(b, body("new:" + sql.length()));

      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        for (String id : new String[] {"dev:tap-2", "batch:1-" + sql.length(), "dev:tap-3"}) {
          ps.setString(1, id);
          ps.setString(2, b);
          ps.addBatch();
        }
        int[] counts = ps.executeBatch();
        assertEquals(3, counts.length);
        for (int c : counts) {
          assertEquals(1, c);
        }
      }
      assertEquals(b, body("dev:tap-2"));
      assertEquals(b, body("dev:tap-3"));
      assertEquals(b, body("batch:1-" + sql.length()));
    }
  }

  @Test
  void aParameterisedMergeOfABadBodyIsABadDocument() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement(MERGE_CAST)) {
      ps.setString(1, "dev:tap-1");
      ps.setString(2, "not json");
      SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
      assertEquals("22032", e.getSQLState(), e.getMessage());
    }
  }

  // 6. Row limits

  @Test
  void rowLimitForms() throws SQLException {
    String base = "SELECT state_id FROM state ORDER BY state_id ";
    assertEquals(
        List.of(List.of("dev:tap-6"), List.of("dev:tap-7")), rows(base + "LIMIT 2 OFFSET 5"));
    assertEquals(4, rows(base + "LIMIT 10 OFFSET 5").size());
    assertEquals(
        List.of(List.of("dev:tap-6")), rows(base + "OFFSET 5 ROWS FETCH NEXT 1 ROWS ONLY"));
    assertEquals(List.of(List.of("dev:tap-1")), rows(base + "FETCH FIRST 1 ROW ONLY"));
    assertEquals(List.of(List.of("dev:tap-1")), rows(base + "FETCH FIRST ROW ONLY"));
    assertEquals(List.of(List.of("dev:tap-3")), rows(base + "OFFSET 2 ROWS FETCH NEXT ROW ONLY;"));
    assertEquals(List.of(List.of("dev:tap-9")), rows(base + "OFFSET 8 ROWS"));
    assertEquals(List.of(List.of("dev:tap-1")), rows(base + "LIMIT 1;"));
    for (String sql :
        new String[] {
          base + "offset ? rows fetch next ? rows only",
          base + "LIMIT ? OFFSET ?",
          base + "OFFSET ? ROWS FETCH FIRST ? ROWS ONLY",
        }) {
      boolean offsetFirst = sql.toLowerCase().contains("by state_id offset");
      try (PreparedStatement ps = conn.prepareStatement(sql)) {
        ps.setInt(offsetFirst ? 1 : 2, 3);
        ps.setInt(offsetFirst ? 2 : 1, 2);
        try (ResultSet rs = ps.executeQuery()) {
          assertEquals(List.of(List.of("dev:tap-4"), List.of("dev:tap-5")), read(rs), sql);
        }
      }
    }
  }
}
