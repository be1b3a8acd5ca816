package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every object a caller reaches from a connection is the driver's own, and leads back to the same
 * connection; generated keys and the type map answer, empty.
 */
class OwnObjectsTest {
  private static final String BODY = TestConnections.BODY;

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = TestConnections.memoryWithState("own-");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void resultSetLeadsBackToThisConnection() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
      assertSame(s, rs.getStatement());
      assertSame(conn, rs.getStatement().getConnection());
      assertSame(rs, s.getResultSet(), "the statement's current result set is the same object");
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT state_id FROM state");
        ResultSet rs = ps.executeQuery()) {
      assertSame(ps, rs.getStatement());
      assertSame(conn, ps.getConnection());
    }
    try (Statement s = conn.createStatement()) {
      assertTrue(s.execute("SELECT state_id FROM state"));
      ResultSet rs = s.getResultSet();
      assertSame(s, rs.getStatement());
      assertFalse(s.getMoreResults());
      assertEquals(-1, s.getUpdateCount());
    }
  }

  @Test
  void closingTheConnectionReachedFromAResultSetClosesThisConnection() throws SQLException {
    Statement s = conn.createStatement();
    ResultSet rs = s.executeQuery("SELECT state_id FROM state");
    rs.getStatement().getConnection().close();
    assertTrue(conn.isClosed());
    assertTrue(s.isClosed());
  }

  @Test
  void unwrapGivesOursForJdbcInterfacesAndTheEngineOnlyWhenAskedByName() throws SQLException {
    assertSame(conn, conn.unwrap(Connection.class));
    assertTrue(conn.isWrapperFor(Connection.class));
    assertTrue(conn.isWrapperFor(CalciteConnection.class));
    assertFalse(conn.unwrap(CalciteConnection.class) == conn);
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
      assertSame(s, s.unwrap(Statement.class));
      assertSame(rs, rs.unwrap(ResultSet.class));
      SQLException e = assertThrows(SQLException.class, () -> s.unwrap(Map.class));
      assertTrue(e.getSQLState() != null && e.getMessage() != null, e.toString());
    }
  }

  @Test
  void generatedKeysAreAcceptedAndEmpty() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement(
            "INSERT INTO state (state_id, body) VALUES (?, ?)", Statement.RETURN_GENERATED_KEYS)) {
      ps.setString(1, "b");
      ps.setString(2, BODY);
      assertEquals(1, ps.executeUpdate());
      try (ResultSet keys = ps.getGeneratedKeys()) {
        assertFalse(keys.next());
        assertSame(ps, keys.getStatement());
      }
    }
    try (PreparedStatement ps =
        conn.prepareStatement("DELETE FROM state WHERE state_id = ?", new String[] {"state_id"})) {
      ps.setString(1, "b");
      assertEquals(1, ps.executeUpdate());
    }
    try (PreparedStatement ps =
        conn.prepareStatement("DELETE FROM state WHERE state_id = ?", new int[] {1})) {
      ps.setString(1, "b");
      assertEquals(0, ps.executeUpdate());
    }
    try (Statement s = conn.createStatement()) {
      assertEquals(
          1,
          s.executeUpdate(
              "INSERT INTO state (state_id, body) VALUES ('c', '" + BODY + "')",
              Statement.RETURN_GENERATED_KEYS));
      try (ResultSet keys = s.getGeneratedKeys()) {
        assertFalse(keys.next());
      }
      assertEquals(
          1, s.executeUpdate("DELETE FROM state WHERE state_id = 'c'", new String[] {"x"}));
      assertFalse(s.execute("DELETE FROM state WHERE state_id = 'c'", new int[] {1}));
    }
  }

  @Test
  void typeMapIsEmptyAndOnlyAnEmptyOneIsAccepted() throws SQLException {
    assertEquals(Map.of(), conn.getTypeMap());
    conn.setTypeMap(Map.of());
    SQLException e =
        assertThrows(SQLException.class, () -> conn.setTypeMap(Map.of("x", String.class)));
    assertEquals("0A000", e.getSQLState(), e.getMessage());
  }
}
