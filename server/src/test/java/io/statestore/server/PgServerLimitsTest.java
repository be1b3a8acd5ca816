package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** The connection cap and the idle timeout, as a client sees them. */
class PgServerLimitsTest {

  @Test
  void aClientOverTheCapIsRefusedWith53300AndServedOnceASlotFrees() throws Exception {
    try (ServerFixture f = new ServerFixture(new ServerConfig().setMaxConnections(2))) {
      Connection a = f.connect();
      try (Connection b = f.connect()) {
        SQLException over = assertThrows(SQLException.class, f::connect);
        assertEquals("53300", over.getSQLState(), over.getMessage());
      }
      assertEquals(1, waitFor(f, 1));
      try (Connection c = f.connect()) {
        assertTrue(c.isValid(5));
      }
      a.close();
      assertEquals(0, PgServerSecurityTest.waitForNoClients(f));
    }
  }

  @Test
  void anIdleClientIsDisconnected() throws Exception {
    try (ServerFixture f = new ServerFixture(new ServerConfig().setIdleTimeoutSeconds(1));
        Connection c = f.connect();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
      Thread.sleep(2500);
      assertThrows(SQLException.class, () -> s.execute("SELECT 1"));
      assertFalse(c.isValid(2));
      assertEquals(0, PgServerSecurityTest.waitForNoClients(f));
    }
  }

  private static int waitFor(ServerFixture f, int clients) throws InterruptedException {
    for (int i = 0; i < 100 && f.server.activeConnections() > clients; i++) {
      Thread.sleep(50);
    }
    return f.server.activeConnections();
  }
}
