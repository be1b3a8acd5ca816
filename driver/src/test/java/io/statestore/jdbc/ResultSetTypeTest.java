package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Scrollable or updatable result sets are asked for, and forward-only read-only ones given, with a
 * warning on the connection; moving backwards or updating a row is refused with a SQLState.
 */
class ResultSetTypeTest {
  private static final String BODY = TestConnections.BODY;

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = TestConnections.memoryWithState("type-");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void scrollUpdatableIsDowngradedWithAWarning() throws SQLException {
    assertNull(conn.getWarnings());
    try (Statement s =
            conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_UPDATABLE);
        ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
      SQLWarning w = conn.getWarnings();
      assertNotNull(w, "a warning says what was given instead");
      assertNotNull(w.getSQLState());
      assertTrue(w.getMessage().contains("TYPE_FORWARD_ONLY"), w.getMessage());
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, s.getResultSetType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
      assertTrue(rs.next());
      SQLException e = assertThrows(SQLException.class, rs::last);
      assertEquals("24000", e.getSQLState(), e.getMessage());
      e = assertThrows(SQLException.class, () -> rs.absolute(1));
      assertEquals("24000", e.getSQLState(), e.getMessage());
      e = assertThrows(SQLException.class, rs::previous);
      assertEquals("24000", e.getSQLState(), e.getMessage());
      e = assertThrows(SQLException.class, () -> rs.updateString(2, "{}"));
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("UPDATE"), e.getMessage());
      e = assertThrows(SQLException.class, rs::updateRow);
      assertEquals("0A000", e.getSQLState(), e.getMessage());
      e = assertThrows(SQLException.class, rs::moveToInsertRow);
      assertEquals("0A000", e.getSQLState(), e.getMessage());
    }
    conn.clearWarnings();
    assertNull(conn.getWarnings());
  }

  @Test
  void preparedStatementsAreDowngradedToo() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "SELECT state_id FROM state",
            ResultSet.TYPE_SCROLL_SENSITIVE,
            ResultSet.CONCUR_READ_ONLY,
            ResultSet.HOLD_CURSORS_OVER_COMMIT)) {
      assertNotNull(conn.getWarnings());
      try (ResultSet rs = ps.executeQuery()) {
        assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      }
    }
  }

  @Test
  void forwardOnlyReadOnlyGivesNoWarning() throws SQLException {
    try (Statement s =
        conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
      s.executeQuery("SELECT state_id FROM state").close();
    }
    assertNull(conn.getWarnings());
  }
}
