package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A statement that waits (a DELETE of a state whose lock another writer holds, in a file store) is
 * stopped with 57014 by the PostgreSQL JDBC driver's {@code Statement.cancel()} (a cancel request
 * on a second connection) and by a statement timeout, set by the client or by the server; nothing
 * is deleted.
 */
class PgServerCancelTest {
  private static final String HELD = "cancel-held";

  @TempDir Path dir;

  /** A server over a file store holding one state whose lock another writer holds for minutes. */
  private ServerFixture withHeldLock(ServerConfig config) throws Exception {
    ServerFixture f = new ServerFixture(config, "file://" + dir.toAbsolutePath());
    try (Connection c = f.engine();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('"
              + HELD
              + "', '"
              + PgServerSqlTourTest.body("x")
              + "')");
    }
    // Meltano's lock object: the holder's UTC epoch seconds, here ten minutes ahead (fresh)
    Files.writeString(
        dir.resolve(HELD).resolve("lock"), Instant.now().plusSeconds(600).getEpochSecond() + ".0");
    return f;
  }

  private static CompletableFuture<SQLException> deleteHeld(Statement s) {
    return CompletableFuture.supplyAsync(
        () -> {
          try {
            s.executeUpdate("DELETE FROM state WHERE state_id = '" + HELD + "'");
            return null;
          } catch (SQLException e) {
            return e;
          }
        });
  }

  private static void stillThere(ServerFixture f) throws SQLException {
    try (Connection c = f.engine();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT count(*) FROM state WHERE state_id = '" + HELD + "'")) {
      rs.next();
      assertEquals(1, rs.getLong(1), "nothing deleted");
    }
  }

  @Test
  void cancelStopsAStatementWaitingForALock() throws Exception {
    try (ServerFixture f = withHeldLock(new ServerConfig());
        Connection c = f.connect();
        Statement s = c.createStatement()) {
      CompletableFuture<SQLException> result = deleteHeld(s);
      // A cancel request while the server waits for the client's next message does nothing (as
      // in PostgreSQL), and the driver sends one per execution: send it once the DELETE runs.
      for (int i = 0; i < 600 && f.server.runningStatements() == 0 && !result.isDone(); i++) {
        Thread.sleep(100);
      }
      s.cancel();
      SQLException e = result.get(60, TimeUnit.SECONDS);
      assertNotNull(e, "the DELETE was stopped");
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("user request"), e.getMessage());
      stillThere(f);
      // the connection goes on
      try (ResultSet rs = s.executeQuery("SELECT count(*) FROM state")) {
        rs.next();
        assertEquals(1, rs.getLong(1));
      }
    }
  }

  @Test
  void theClientsStatementTimeoutStopsIt() throws Exception {
    try (ServerFixture f = withHeldLock(new ServerConfig());
        Connection c = f.connect();
        Statement s = c.createStatement()) {
      s.execute("SET statement_timeout = 500");
      SQLException e = deleteHeld(s).get(120, TimeUnit.SECONDS);
      assertNotNull(e, "the DELETE was stopped");
      assertEquals("57014", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("statement timeout"), e.getMessage());
      stillThere(f);
      s.execute("SET statement_timeout = 0");
      try (ResultSet rs = s.executeQuery("SHOW statement_timeout")) {
        rs.next();
        assertEquals("0", rs.getString(1));
      }
    }
  }

  @Test
  void theServersStatementTimeoutStopsIt() throws Exception {
    try (ServerFixture f = withHeldLock(new ServerConfig().setStatementTimeoutSeconds(1));
        Connection c = f.connect();
        Statement s = c.createStatement()) {
      SQLException e = deleteHeld(s).get(120, TimeUnit.SECONDS);
      assertNotNull(e, "the DELETE was stopped");
      assertEquals("57014", e.getSQLState(), e.getMessage());
      stillThere(f);
    }
  }
}
