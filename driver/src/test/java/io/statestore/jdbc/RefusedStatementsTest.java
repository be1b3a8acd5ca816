package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Statements the driver refuses, each with the SQLState of its class and a message that says what
 * to do instead, never an internal error.
 */
class RefusedStatementsTest {
  private static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    String store = "memory:refused-" + UUID.randomUUID();
    conn =
        DriverManager.getConnection("jdbc:statestore:" + store + "?attach.src=" + store + "-src");
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('a', '" + BODY + "')");
      s.executeUpdate("INSERT INTO src.state (state_id, body) VALUES ('b', '" + BODY + "')");
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private SQLException refused(String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Statement s = conn.createStatement()) {
            s.execute(sql);
          }
        });
  }

  @Test
  void aBadLikeEscapeIsABadValue() {
    for (String sql :
        new String[] {
          "SELECT state_id FROM state WHERE state_id LIKE 'a\\' ESCAPE '\\'",
          "SELECT state_id FROM state WHERE state_id LIKE 'a%' ESCAPE 'ab'",
          "SELECT state_id FROM state WHERE state_id LIKE 'a!x' ESCAPE '!'"
        }) {
      SQLException e = refused(sql);
      assertTrue(e.getSQLState().startsWith("22"), sql + ": " + e.getSQLState() + " " + e);
      assertTrue(e.getMessage().toLowerCase().contains("escape"), e.getMessage());
    }
  }

  @Test
  void insertIntoLocksIsUnsupported() {
    SQLException e = refused("INSERT INTO locks (state_id) VALUES ('a')");
    assertEquals("0A000", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("locks"), e.getMessage());
  }

  @Test
  void mergeFromAnotherStoreWithBothClausesRuns() throws SQLException {
    String newer = "{\"completed\": {\"v\": 2}, \"partial\": {}}";
    try (Statement s = conn.createStatement()) {
      s.executeUpdate("INSERT INTO src.state (state_id, body) VALUES ('a', '" + newer + "')");
      int n =
          s.executeUpdate(
              "MERGE INTO state t USING src.state s ON t.state_id = s.state_id"
                  + " WHEN MATCHED THEN UPDATE SET body = s.body"
                  + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (s.state_id, s.body)");
      assertEquals(2, n);
      try (java.sql.ResultSet rs =
          s.executeQuery("SELECT state_id, body FROM state ORDER BY state_id")) {
        assertTrue(rs.next());
        assertEquals(newer, rs.getString(2));
        assertTrue(rs.next());
        assertEquals("b", rs.getString(1));
        assertFalse(rs.next());
      }
    }
  }

  @Test
  void aMergeWithoutInsertSaysWhatItLacks() {
    SQLException e =
        refused(
            "MERGE INTO state t USING src.state s ON t.state_id = s.state_id"
                + " WHEN MATCHED THEN UPDATE SET body = s.body");
    assertEquals("0A000", e.getSQLState(), e.getMessage());
    assertFalse(e.getMessage().isBlank());
  }
}
