package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ObjectKind;
import io.statestore.testkit.CountingBackendProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What pools call: abort, network timeout, isValid. */
class AbortAndTimeoutsTest {
  @Test
  void abortEndsAStatementWaitingForALockAndTheConnection() throws Exception {
    abortEndsAWaitingStatement(false);
  }

  /** A pool aborts a connection whose prepared statement waits: Avatica holds its monitor then. */
  @Test
  void abortEndsAPreparedStatementWaitingForALock() throws Exception {
    abortEndsAWaitingStatement(true);
  }

  private static void abortEndsAWaitingStatement(boolean prepared) throws Exception {
    String name = TestConnections.freshName("abort-");
    Connection c = TestConnections.withStateLockedByAnother(name);
    var backend = CountingBackendProvider.store("memory:" + name);
    String delete = "DELETE FROM state WHERE state_id = 't'";
    Statement s = prepared ? c.prepareStatement(delete) : c.createStatement();
    CompletableFuture<SQLException> result =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                if (s instanceof PreparedStatement ps) {
                  ps.executeUpdate();
                } else {
                  s.executeUpdate(delete);
                }
                return null;
              } catch (SQLException e) {
                return e;
              } catch (RuntimeException e) {
                return new SQLException("unchecked: " + e, e);
              }
            });
    Thread.sleep(500);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      long t0 = System.nanoTime();
      c.abort(pool);
      SQLException e = result.get(10, TimeUnit.SECONDS);
      long ms = (System.nanoTime() - t0) / 1_000_000;
      assertTrue(ms < 5_000, "the wait ended promptly, took " + ms);
      assertNotNull(e, "the statement failed");
      assertTrue(
          Set.of("08003", "08006").contains(e.getSQLState()),
          e.getSQLState() + " " + e.getMessage());
      assertTrue(c.isClosed());
      assertFalse(c.isValid(1));
      SQLException after = assertThrows(SQLException.class, c::createStatement);
      assertEquals("08003", after.getSQLState(), after.getMessage());
      c.abort(pool); // a second abort does nothing
    } finally {
      pool.shutdown();
    }
    assertTrue(backend.delegate().read("t", ObjectKind.STATE).isPresent(), "nothing deleted");
  }

  @Test
  void networkTimeoutIsKeptAndIsValidTellsTheTruth() throws Exception {
    Connection c = DriverManager.getConnection("jdbc:statestore:memory:nt-" + UUID.randomUUID());
    assertEquals(0, c.getNetworkTimeout());
    c.setNetworkTimeout(Runnable::run, 5000);
    assertEquals(5000, c.getNetworkTimeout());
    SQLException e = assertThrows(SQLException.class, () -> c.setNetworkTimeout(Runnable::run, -1));
    assertEquals("22023", e.getSQLState(), e.getMessage());
    assertTrue(c.isValid(1));
    assertTrue(c.isValid(0));
    e = assertThrows(SQLException.class, () -> c.isValid(-1));
    assertEquals("22023", e.getSQLState(), e.getMessage());
    c.close();
    assertFalse(c.isValid(1));
    c.close();
  }

  @Test
  void abortWithoutAnExecutorIsRefused() throws Exception {
    try (Connection c =
        DriverManager.getConnection("jdbc:statestore:memory:ab-" + UUID.randomUUID())) {
      SQLException e = assertThrows(SQLException.class, () -> c.abort(null));
      assertEquals("22023", e.getSQLState(), e.getMessage());
      assertFalse(c.isClosed());
    }
  }
}
