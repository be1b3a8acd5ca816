package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.BatchUpdateException;
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

/** A read-only connection refuses every write with 25006 and writes nothing; reads still work. */
class ReadOnlyConnectionTest {
  private static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:statestore:memory:ro-" + UUID.randomUUID());
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('a', '" + BODY + "')");
    }
    conn.setReadOnly(true);
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private List<String> rows() throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id, body FROM state ORDER BY state_id")) {
      while (rs.next()) {
        out.add(rs.getString(1) + "=" + rs.getString(2));
      }
    }
    return out;
  }

  private static void assertReadOnly(SQLException e) {
    assertEquals("25006", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().toLowerCase().contains("read-only"), e.getMessage());
  }

  @Test
  void everyKindOfWriteIsRefusedAndNothingWritten() throws SQLException {
    assertTrue(conn.isReadOnly());
    List<String> before = rows();
    String[] writes = {
      "INSERT INTO state (state_id, body) VALUES ('b', '" + BODY + "')",
      "UPDATE state SET body = '{\"completed\": {\"x\": 1}}' WHERE state_id = 'a'",
      "DELETE FROM state",
      "MERGE INTO state t USING (VALUES ('a', '{}')) AS s(i, b) ON t.state_id = s.i"
          + " WHEN MATCHED THEN UPDATE SET body = s.b"
    };
    try (Statement s = conn.createStatement()) {
      for (String sql : writes) {
        assertReadOnly(assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql));
        assertReadOnly(assertThrows(SQLException.class, () -> s.execute(sql), sql));
        assertReadOnly(assertThrows(SQLException.class, () -> s.executeLargeUpdate(sql), sql));
        assertReadOnly(
            assertThrows(
                SQLException.class, () -> conn.prepareStatement(sql).executeUpdate(), sql));
      }
      s.addBatch(writes[0]);
      BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
      assertReadOnly(e);
      assertArrayEquals(new int[0], e.getUpdateCounts());
    }
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
      ps.setString(1, "a");
      ps.addBatch();
      assertReadOnly(assertThrows(BatchUpdateException.class, ps::executeBatch));
      assertReadOnly(assertThrows(SQLException.class, ps::execute));
    }
    assertEquals(before, rows());
  }

  @Test
  void readsWorkAndWritesComeBackWhenReadOnlyIsCleared() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
      ps.setString(1, "a");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
      }
      assertTrue(ps.execute());
    }
    conn.setReadOnly(false);
    assertFalse(conn.isReadOnly());
    try (Statement s = conn.createStatement()) {
      assertEquals(1, s.executeUpdate("DELETE FROM state WHERE state_id = 'a'"));
    }
  }
}
