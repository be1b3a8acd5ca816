package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.LockTimestamps;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.testkit.CountingBackendProvider;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The rows of the JDBC conformance table (docs/jdbc.md) that no other suite checks: each test is
 * named after its row and asserts what the row says the driver does and the SQLState it refuses
 * with.
 */
class ConformanceTableTest {
  private static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:statestore:memory:conformance-" + UUID.randomUUID());
    try (Statement s = conn.createStatement()) {
      for (String id : List.of("a", "b", "c")) {
        s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('" + id + "', '" + BODY + "')");
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private static void assertState(String sqlState, SQLException e) {
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage() != null && !e.getMessage().isBlank(), "a message");
  }

  @Test
  void isolation() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertEquals(Connection.TRANSACTION_NONE, conn.getTransactionIsolation());
    assertEquals(Connection.TRANSACTION_NONE, md.getDefaultTransactionIsolation());
    conn.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    assertEquals(Connection.TRANSACTION_NONE, conn.getTransactionIsolation(), "nothing changed");
    assertTrue(md.supportsTransactionIsolationLevel(Connection.TRANSACTION_NONE));
    for (int level :
        new int[] {
          Connection.TRANSACTION_READ_UNCOMMITTED,
          Connection.TRANSACTION_READ_COMMITTED,
          Connection.TRANSACTION_REPEATABLE_READ,
          Connection.TRANSACTION_SERIALIZABLE
        }) {
      assertFalse(md.supportsTransactionIsolationLevel(level), "level " + level);
    }
  }

  @Test
  void holdability() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertEquals(ResultSet.HOLD_CURSORS_OVER_COMMIT, conn.getHoldability());
    assertTrue(md.supportsResultSetHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
    assertFalse(md.supportsResultSetHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT));
    assertState("22023", assertThrows(SQLException.class, () -> conn.setHoldability(99)));
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
      assertTrue(rs.next());
      conn.commit();
      assertTrue(rs.next(), "the result set stays open over commit()");
    }
  }

  @Test
  void scrollableResultSets() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertTrue(md.supportsResultSetType(ResultSet.TYPE_FORWARD_ONLY));
    assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_INSENSITIVE));
    assertFalse(md.supportsResultSetType(ResultSet.TYPE_SCROLL_SENSITIVE));
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
      assertTrue(rs.next());
      assertState("24000", assertThrows(SQLException.class, rs::first));
      assertState("24000", assertThrows(SQLException.class, () -> rs.relative(-1)));
      assertState("24000", assertThrows(SQLException.class, rs::beforeFirst));
    }
  }

  @Test
  void updatableResultSets() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id, body, updated_at FROM state")) {
      assertTrue(rs.next());
      assertState("0A000", assertThrows(SQLException.class, rs::insertRow));
      assertState("0A000", assertThrows(SQLException.class, rs::deleteRow));
      assertState("0A000", assertThrows(SQLException.class, () -> rs.updateString("body", BODY)));
      assertTrue(rs.getMetaData().isDefinitelyWritable(2), "body");
      assertFalse(rs.getMetaData().isDefinitelyWritable(1), "state_id");
    }
  }

  @Test
  void generatedKeys() throws SQLException {
    assertFalse(conn.getMetaData().supportsGetGeneratedKeys());
    String sql = "DELETE FROM state WHERE state_id = 'a'";
    assertState("22023", assertThrows(SQLException.class, () -> conn.prepareStatement(sql, 7)));
    try (Statement s = conn.createStatement()) {
      assertState("22023", assertThrows(SQLException.class, () -> s.executeUpdate(sql, 7)));
    }
  }

  @Test
  void queryTimeoutOfALockWait() throws SQLException {
    String name = "conformance-timeout-" + UUID.randomUUID();
    var backend = CountingBackendProvider.store("memory:" + name);
    try (Connection c = DriverManager.getConnection("jdbc:statestore:counting:memory:" + name);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('t', '{}')");
      backend.write(
          "t",
          ObjectKind.LOCK,
          LockTimestamps.format(Instant.now().plusSeconds(60)),
          Precondition.absent());
      assertState("22023", assertThrows(SQLException.class, () -> s.setQueryTimeout(-1)));
      s.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate("DELETE FROM state"));
      assertState("HYT00", e);
    }
  }

  @Test
  void clientInfo() throws SQLException {
    SQLClientInfoException e =
        assertThrows(SQLClientInfoException.class, () -> conn.setClientInfo("Colour", "blue"));
    assertState("22023", e);
    conn.setClientInfo("ApplicationName", "before");
    Properties p = new Properties();
    p.setProperty("ApplicationName", "after");
    p.setProperty("Colour", "blue");
    assertState("22023", assertThrows(SQLClientInfoException.class, () -> conn.setClientInfo(p)));
    assertEquals("before", conn.getClientInfo("ApplicationName"), "nothing set");
    assertState(
        "22023", assertThrows(SQLException.class, () -> conn.setNetworkTimeout(null, 1000)));
    List<String> names = new ArrayList<>();
    try (ResultSet rs = conn.getMetaData().getClientInfoProperties()) {
      while (rs.next()) {
        names.add(rs.getString("NAME"));
      }
    }
    assertEquals(List.of("ApplicationName", "ClientUser", "ClientHostname"), names);
  }

  @Test
  void savepoints() throws SQLException {
    assertFalse(conn.getMetaData().supportsSavepoints());
    Savepoint none = null;
    assertState("0A000", assertThrows(SQLException.class, conn::setSavepoint));
    assertState("0A000", assertThrows(SQLException.class, () -> conn.setSavepoint("x")));
    assertState("0A000", assertThrows(SQLException.class, () -> conn.rollback(none)));
    assertState("0A000", assertThrows(SQLException.class, () -> conn.releaseSavepoint(none)));
  }

  @Test
  void storedProcedures() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertFalse(md.supportsStoredProcedures());
    try (ResultSet rs = md.getProcedures(null, null, "%")) {
      assertFalse(rs.next());
    }
    assertState("0A000", assertThrows(SQLException.class, () -> conn.prepareCall("CALL x()")));
  }

  @Test
  void multipleResultSets() throws SQLException {
    assertFalse(conn.getMetaData().supportsMultipleResultSets());
    try (Statement s = conn.createStatement()) {
      s.executeQuery("SELECT state_id FROM state");
      assertFalse(s.getMoreResults());
      assertEquals(-1, s.getUpdateCount());
      s.executeQuery("SELECT state_id FROM state");
      assertState(
          "0A000",
          assertThrows(SQLException.class, () -> s.getMoreResults(Statement.KEEP_CURRENT_RESULT)));
    }
  }

  @Test
  void fetchSize() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.setFetchSize(1);
      assertEquals(1, s.getFetchSize());
      assertEquals(ResultSet.FETCH_FORWARD, s.getFetchDirection());
      try (ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
        int n = 0;
        while (rs.next()) {
          n++;
        }
        assertEquals(3, n, "every row, whatever the fetch size");
      }
      assertState("22023", assertThrows(SQLException.class, () -> s.setFetchSize(-1)));
    }
  }

  @Test
  void maxRows() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.setLargeMaxRows(2);
      assertEquals(2, count(s));
      s.setMaxRows(0);
      assertEquals(3, count(s));
      assertState("22023", assertThrows(SQLException.class, () -> s.setMaxRows(-1)));
      assertState("22023", assertThrows(SQLException.class, () -> s.setLargeMaxRows(-1)));
    }
  }

  private static int count(Statement s) throws SQLException {
    int n = 0;
    try (ResultSet rs = s.executeQuery("SELECT state_id FROM state")) {
      while (rs.next()) {
        n++;
      }
    }
    return n;
  }

  @Test
  void largeObjects() throws SQLException {
    assertState("0A000", assertThrows(SQLException.class, conn::createBlob));
    assertState("0A000", assertThrows(SQLException.class, conn::createClob));
    assertState("0A000", assertThrows(SQLException.class, conn::createNClob));
    assertState("0A000", assertThrows(SQLException.class, conn::createSQLXML));
    assertState(
        "0A000", assertThrows(SQLException.class, () -> conn.createArrayOf("VARCHAR", null)));
    assertState("0A000", assertThrows(SQLException.class, () -> conn.createStruct("x", null)));
    assertNull(conn.getWarnings(), "nothing was downgraded");
  }
}
