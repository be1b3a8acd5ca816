package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import io.statestore.testkit.FaultyBackendProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Every failure reaches the caller as a SQLException with the SQLState of its class. */
class ErrorStatesTest {
  private static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  private static SQLException failing(Connection c, String sql) {
    return assertThrows(
        SQLException.class,
        () -> {
          try (Statement s = c.createStatement()) {
            s.execute(sql);
          }
        });
  }

  @Test
  void parseAndValidationErrorsAre42xxx() throws SQLException {
    try (Connection c =
        DriverManager.getConnection("jdbc:statestore:memory:e-" + UUID.randomUUID())) {
      SQLException e = failing(c, "SELEC state_id FROM state");
      assertEquals("42601", e.getSQLState(), e.getMessage());
      e = failing(c, "SELECT state_id FROM no_such_table");
      assertEquals("42000", e.getSQLState(), e.getMessage());
      assertTrue(
          e.getMessage().contains("no_such_table") || e.getMessage().contains("NO_SUCH"),
          e.getMessage());
      e = failing(c, "SELECT no_such_column FROM state");
      assertEquals("42000", e.getSQLState(), e.getMessage());
    }
  }

  @Test
  void anUnreadableStateMetWhileFetchingIsASqlExceptionOfItsKind() throws SQLException {
    String name = "torn-" + UUID.randomUUID();
    var backend = FaultyBackendProvider.store("memory:" + name);
    try (Connection c = DriverManager.getConnection("jdbc:statestore:faulty:memory:" + name);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('t', '" + BODY + "')");
      backend.failReads(
          ObjectKind.STATE,
          new StateStoreException(ErrorKind.CORRUPT, "state 't' is torn: cannot be read"));
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> {
                try (ResultSet rs = s.executeQuery("SELECT body FROM state")) {
                  while (rs.next()) {
                    rs.getString(1);
                  }
                }
              });
      assertEquals("XX001", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("torn"), e.getMessage());
      backend.failReads(ObjectKind.STATE, new IllegalStateException("backend bug"));
      e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT body FROM state").next());
      assertNotNull(e.getSQLState(), e.toString());
    }
  }

  @Test
  void unsupportedFeaturesAre0A000NamingTheMethod() throws SQLException {
    try (Connection c =
        DriverManager.getConnection("jdbc:statestore:memory:e-" + UUID.randomUUID())) {
      for (ThrowingCall call :
          new ThrowingCall[] {
            () -> c.setSavepoint(), () -> c.createBlob(), () -> c.prepareCall("CALL x()"),
          }) {
        SQLException e = assertThrows(SQLException.class, call::run);
        assertEquals("0A000", e.getSQLState(), String.valueOf(e.getMessage()));
        assertNotNull(e.getMessage());
      }
      SQLException e = assertThrows(SQLException.class, c::createClob);
      assertTrue(e.getMessage().contains("createClob"), e.getMessage());
    }
  }

  @Test
  void closedObjectsSayTheyAreClosed() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:statestore:memory:e-" + UUID.randomUUID());
    Statement s = c.createStatement();
    ResultSet rs = s.executeQuery("SELECT state_id FROM state");
    rs.close();
    SQLException e = assertThrows(SQLException.class, rs::next);
    assertNotNull(e.getSQLState(), e.toString());
    assertTrue(e.getMessage().toLowerCase().contains("closed"), e.getMessage());
    c.close();
    e = assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1 FROM state"));
    assertNotNull(e.getSQLState(), e.toString());
    e = assertThrows(SQLException.class, c::createStatement);
    assertEquals("08003", e.getSQLState(), e.getMessage());
  }

  /** A call that may throw. */
  private interface ThrowingCall {
    void run() throws SQLException;
  }
}
