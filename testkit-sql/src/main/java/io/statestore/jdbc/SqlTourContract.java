package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The SQL tour, end to end through {@link DriverManager}, run against every backend: each subclass
 * names a fresh, empty store.
 */
public abstract class SqlTourContract {
  protected Connection conn;

  /** A JDBC URL of a fresh, empty store. */
  protected abstract String url() throws Exception;

  @BeforeEach
  void connect() throws Exception {
    conn = DriverManager.getConnection(url());
  }

  @AfterEach
  void disconnect() throws SQLException {
    if (conn != null) {
      conn.close();
    }
  }

  static String doc(String bookmark) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\":"
        + " {\"replication_key_value\": \""
        + bookmark
        + "\"}}}}, \"partial\": {}}";
  }

  int update(String sql) throws SQLException {
    try (Statement s = conn.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  List<List<String>> query(String sql) throws SQLException {
    List<List<String>> rows = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<String> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getString(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  SQLException fails(String sql) {
    return assertThrows(SQLException.class, () -> update(sql), sql);
  }

  void insert(String id, String body) throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      ps.setString(1, id);
      ps.setString(2, body);
      assertEquals(1, ps.executeUpdate());
    }
  }

  long count() throws SQLException {
    return Long.parseLong(query("SELECT COUNT(*) FROM state").get(0).get(0));
  }

  @Test
  void insertSelectUpdateDelete() throws SQLException {
    Instant before = Instant.now().minusSeconds(5);
    assertEquals(
        2,
        update(
            "INSERT INTO state (state_id, body) VALUES ('dev:tap-a-to-target-b', '"
                + doc("2024-01-01")
                + "'), ('prod:tap-a-to-target-b', '"
                + doc("2024-02-01")
                + "')"));
    assertEquals(
        List.of(List.of("dev:tap-a-to-target-b", doc("2024-01-01"))),
        query("SELECT state_id, body FROM state WHERE state_id LIKE 'dev:%'"));
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT updated_at FROM state WHERE state_id = 'dev:tap-a-to-target-b'")) {
      assertTrue(rs.next());
      Timestamp ts = rs.getTimestamp(1);
      if (ts != null) {
        assertTrue(
            ts.toLocalDateTime()
                .isAfter(before.atOffset(java.time.ZoneOffset.UTC).toLocalDateTime().minusHours(1)),
            "updated_at is recent (UTC): " + ts);
      }
    }
    assertEquals(
        1,
        update(
            "UPDATE state SET body = '"
                + doc("2024-03-01")
                + "' WHERE state_id = 'dev:tap-a-to-target-b'"));
    assertEquals(
        List.of(List.of("2024-03-01")),
        query(
            "SELECT JSON_VALUE(body, '$.completed.singer_state.bookmarks.users.replication_key_value')"
                + " FROM state WHERE state_id = 'dev:tap-a-to-target-b'"));
    assertEquals(0, update("UPDATE state SET body = '{}' WHERE state_id = 'nobody'"));
    assertEquals(1, update("DELETE FROM state WHERE state_id = 'prod:tap-a-to-target-b'"));
    assertEquals(0, update("DELETE FROM state WHERE state_id = 'prod:tap-a-to-target-b'"));
    assertEquals(1, count());
  }

  @Test
  void bodyIsStoredInMeltanoRendering() throws SQLException {
    insert("u", "{\"partial\":{},\"completed\":{\"name\":\"Zoë\",\"n\":1.50}}");
    assertEquals(
        "{\"completed\": {\"name\": \"Zo\\u00eb\", \"n\": 1.50}, \"partial\": {}}",
        query("SELECT body FROM state").get(0).get(0));
  }

  @Test
  void jsonFunctionsWorkOnBody() throws SQLException {
    insert("j", "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"id\": 7}}}}}");
    List<String> row =
        query(
                "SELECT JSON_VALUE(body, '$.completed.singer_state.bookmarks.users.id'),"
                    + " JSON_QUERY(body, '$.completed.singer_state.bookmarks'),"
                    + " JSON_EXISTS(body, '$.partial'), JSON_EXISTS(body, '$.nope') FROM state")
            .get(0);
    assertEquals("7", row.get(0));
    assertEquals("{\"users\":{\"id\":7}}", row.get(1));
    assertEquals("true", row.get(2));
    assertEquals("false", row.get(3));
  }

  @Test
  void duplicateInsertIs23505AndWritesNothing() throws SQLException {
    insert("dup", doc("1"));
    SQLException e = fails("INSERT INTO state (state_id, body) VALUES ('dup', '" + doc("2") + "')");
    assertEquals("23505", e.getSQLState());
    assertTrue(e.getMessage().contains("'dup'"), e.getMessage());
    // A multi-row insert with one duplicate writes none of its rows.
    e =
        fails(
            "INSERT INTO state (state_id, body) VALUES ('new1', '{}'), ('dup', '{}'), ('new2', '{}')");
    assertEquals("23505", e.getSQLState());
    assertEquals(1, count());
    assertTrue(query("SELECT body FROM state").get(0).get(0).contains("\"1\""));
  }

  @Test
  void badInputHasItsSqlStateAndWritesNothing() throws SQLException {
    insert("keep", doc("original"));
    assertEquals(
        "22032",
        fails("INSERT INTO state (state_id, body) VALUES ('x', 'not json')").getSQLState());
    assertEquals(
        "22032",
        fails("INSERT INTO state (state_id, body) VALUES ('x', '{} trailing')").getSQLState());
    assertEquals(
        "22032", fails("INSERT INTO state (state_id, body) VALUES ('x', '')").getSQLState());
    assertEquals(
        "22032", fails("UPDATE state SET body = '[1]' WHERE state_id = 'keep'").getSQLState());
    assertEquals(
        "22023", fails("INSERT INTO state (state_id, body) VALUES ('', '{}')").getSQLState());
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      ps.setString(1, "n");
      ps.setNull(2, Types.VARCHAR);
      assertEquals("23502", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
      ps.setNull(1, Types.VARCHAR);
      ps.setString(2, "{}");
      assertEquals("23502", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
    }
    assertEquals(1, count());
    assertTrue(query("SELECT body FROM state").get(0).get(0).contains("original"));
    assertEquals(0, query("SELECT * FROM locks").size(), "no lock left behind");
  }

  @Test
  void unsupportedStatementsAreRefusedClearly() throws SQLException {
    insert("k", "{}");
    assertEquals(
        "0A000", fails("UPDATE state SET state_id = 'k2' WHERE state_id = 'k'").getSQLState());
    assertEquals(
        "0A000",
        fails("INSERT INTO locks VALUES ('k', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)")
            .getSQLState());
    assertEquals("42601", fails("SELEC 1").getSQLState());
    SQLException e = assertThrows(SQLException.class, () -> query("SELECT * FROM nothing_here"));
    assertTrue(e.getSQLState().startsWith("42"), e.getSQLState());
    assertTrue(e.getMessage().contains("nothing_here"), e.getMessage());
  }

  @Test
  void preparedStatementsAndBatches() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (int i = 0; i < 5; i++) {
        ps.setString(1, "b:" + i);
        ps.setString(2, doc("v" + i));
        ps.addBatch();
      }
      assertArrayEquals(new int[] {1, 1, 1, 1, 1}, ps.executeBatch());
    }
    try (PreparedStatement ps =
        conn.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
      ps.setString(1, doc("edited"));
      ps.setString(2, "b:1");
      ps.addBatch();
      ps.setString(1, doc("edited"));
      ps.setString(2, "missing");
      ps.addBatch();
      assertArrayEquals(new int[] {1, 0}, ps.executeBatch());
    }
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
      ps.setString(1, "b:3");
      ps.addBatch();
      ps.setString(1, "b:4");
      ps.addBatch();
      assertArrayEquals(new int[] {1, 1}, ps.executeBatch());
    }
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      ps.setString(1, "b:9");
      ps.setString(2, "{}");
      ps.addBatch();
      ps.setString(1, "b:0");
      ps.setString(2, "{}");
      ps.addBatch();
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertEquals("23505", e.getSQLState());
      assertArrayEquals(new long[] {1}, e.getLargeUpdateCounts());
    }
    try (Statement s = conn.createStatement()) {
      s.addBatch("DELETE FROM state WHERE state_id = 'b:9'");
      s.addBatch("DELETE FROM state WHERE state_id LIKE 'b:%'");
      assertArrayEquals(new int[] {1, 3}, s.executeBatch());
    }
    assertEquals(0, count());
  }

  @Test
  void gridEditAsSqlClientsDoIt() throws SQLException {
    insert("grid", doc("1"));
    // What a data editor sends after a cell edit: the key in the WHERE clause.
    try (PreparedStatement ps =
        conn.prepareStatement(
            "UPDATE \"statestore\".\"state\" SET \"body\"=? WHERE \"state_id\"=?")) {
      ps.setString(1, doc("2"));
      ps.setString(2, "grid");
      assertEquals(1, ps.executeUpdate());
    }
    assertEquals(doc("2"), query("SELECT body FROM state").get(0).get(0));
  }

  @Test
  void mergeUpserts() throws SQLException {
    insert("m1", doc("old"));
    assertEquals(
        2,
        update(
            "MERGE INTO state t USING (VALUES ('m1', '"
                + doc("new")
                + "'), ('m2', '{}')) AS s(id, b) ON t.state_id = s.id"
                + " WHEN MATCHED THEN UPDATE SET body = s.b"
                + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (s.id, s.b)"));
    assertEquals(
        List.of(List.of("m1", doc("new")), List.of("m2", "{\"completed\": {}, \"partial\": {}}")),
        query("SELECT state_id, body FROM state ORDER BY state_id"));
  }

  @Test
  void locksTableShowsAndForceUnlocks() throws Exception {
    insert("l", "{}");
    assertEquals(List.of(), query("SELECT * FROM locks"));
    try (var lock =
        conn.unwrap(org.apache.calcite.jdbc.CalciteConnection.class)
            .getRootSchema()
            .getSubSchema("statestore")
            .unwrap(io.statestore.calcite.StateSchema.class)
            .store()
            .lock("l", io.statestore.core.Deadline.none())) {
      List<List<String>> rows = query("SELECT state_id, locked_at, expires_at FROM locks");
      assertEquals(1, rows.size());
      assertEquals("l", rows.get(0).get(0));
      assertNotNull(rows.get(0).get(1));
      assertEquals(1, update("DELETE FROM locks WHERE state_id = 'l'"));
      assertEquals(List.of(), query("SELECT * FROM locks"));
    }
  }

  @Test
  void transactionsAreRefusedHonestly() throws SQLException {
    assertTrue(conn.getAutoCommit());
    SQLException e = assertThrows(SQLException.class, () -> conn.setAutoCommit(false));
    assertEquals("0A000", e.getSQLState());
    assertFalse(conn.getMetaData().supportsTransactions());
    assertEquals(Connection.TRANSACTION_NONE, conn.getMetaData().getDefaultTransactionIsolation());
    conn.commit();
    conn.rollback();
  }

  @Test
  void metadataDescribesTheTables() throws SQLException {
    var md = conn.getMetaData();
    assertEquals("statestore", md.getDatabaseProductName());
    assertTrue(md.getURL().startsWith("jdbc:statestore:"));
    try (ResultSet rs = md.getTables(null, "statestore", "%", null)) {
      List<String> tables = new ArrayList<>();
      while (rs.next()) {
        tables.add(rs.getString("TABLE_NAME"));
      }
      assertTrue(tables.containsAll(List.of("state", "locks")), tables.toString());
    }
    try (ResultSet rs = md.getColumns(null, "statestore", "state", "%")) {
      List<String> cols = new ArrayList<>();
      while (rs.next()) {
        cols.add(
            rs.getString("COLUMN_NAME")
                + ":"
                + rs.getString("TYPE_NAME")
                + ":"
                + rs.getString("IS_NULLABLE"));
      }
      assertEquals(
          List.of("state_id:VARCHAR:NO", "body:VARCHAR:NO", "updated_at:TIMESTAMP:YES"), cols);
    }
    try (ResultSet rs = md.getPrimaryKeys(null, "statestore", "state")) {
      assertTrue(rs.next());
      assertEquals("state_id", rs.getString("COLUMN_NAME"));
      assertEquals(1, rs.getShort("KEY_SEQ"));
      assertFalse(rs.next());
    }
    try (ResultSet rs = md.getSchemas()) {
      List<String> schemas = new ArrayList<>();
      while (rs.next()) {
        schemas.add(rs.getString("TABLE_SCHEM"));
      }
      assertTrue(schemas.contains("statestore"), schemas.toString());
    }
    try (ResultSet rs = md.getTypeInfo()) {
      assertTrue(rs.next());
    }
    assertTrue(md.supportsBatchUpdates());
    assertNull(null);
  }
}
