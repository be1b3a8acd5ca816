package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Fifty clients at once, each running a mix of inserts, updates, point reads, prefix listings and
 * catalog reads: every client's last write is there, and no connection or thread is left.
 */
class PgServerConcurrencyTest {
  static final int CLIENTS = 50;

  static int statementsPerClient() {
    double scale = Double.parseDouble(System.getProperty("statestore.test.scale", "1"));
    return Math.max(20, (int) (200 * scale));
  }

  @Test
  void fiftyClientsMixedStatementsNoLostUpdateNoLeak() throws Exception {
    int before = serverThreads();
    int n = statementsPerClient();
    try (ServerFixture f = new ServerFixture(new ServerConfig().setMaxConnections(CLIENTS))) {
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < CLIENTS; i++) {
        int client = i;
        results.add(pool.submit(() -> runClient(f, client, n)));
      }
      int lastVersionTotal = 0;
      for (Future<Integer> r : results) {
        lastVersionTotal += r.get(10, TimeUnit.MINUTES);
      }
      pool.shutdown();
      try (Connection direct = f.engine()) {
        int found = 0;
        for (int i = 0; i < CLIENTS; i++) {
          try (PreparedStatement ps =
              direct.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
            ps.setString(1, "load:" + i);
            try (ResultSet rs = ps.executeQuery()) {
              assertTrue(rs.next(), "client " + i + "'s state is there");
              String body = rs.getString(1);
              int version = Integer.parseInt(body.replaceAll(".*\"v(\\d+)\".*", "$1"));
              found += version;
            }
          }
        }
        assertEquals(lastVersionTotal, found, "every client's last update is kept");
      }
      assertEquals(0, PgServerSecurityTest.waitForNoClients(f), "no client connection left");
    }
    for (int i = 0; i < 100 && serverThreads() > before; i++) {
      Thread.sleep(100);
    }
    // at most as many as before: a thread of an earlier test's server may end meanwhile
    int after = serverThreads();
    assertTrue(after <= before, "no server thread left after close: " + after + " > " + before);
  }

  private static int runClient(ServerFixture f, int client, int n) throws SQLException {
    String id = "load:" + client;
    int version = 0;
    try (Connection c = f.connect();
        PreparedStatement insert =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)");
        PreparedStatement update =
            c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?");
        PreparedStatement read =
            c.prepareStatement("SELECT state_id, body, updated_at FROM state WHERE state_id = ?");
        PreparedStatement list =
            c.prepareStatement("SELECT COUNT(*) FROM state WHERE state_id LIKE ?")) {
      insert.setString(1, id);
      insert.setString(2, PgServerSqlTourTest.body("v0"));
      insert.executeUpdate();
      for (int i = 1; i < n; i++) {
        switch (i % 4) {
          case 0:
            version++;
            update.setString(1, PgServerSqlTourTest.body("v" + version));
            update.setString(2, id);
            assertEquals(1, update.executeUpdate());
            break;
          case 1:
            read.setString(1, id);
            try (ResultSet rs = read.executeQuery()) {
              assertTrue(rs.next());
              assertTrue(rs.getString(2).contains("\"v" + version + "\""));
            }
            break;
          case 2:
            list.setString(1, "load:%");
            try (ResultSet rs = list.executeQuery()) {
              assertTrue(rs.next());
              assertTrue(rs.getLong(1) >= 1);
            }
            break;
          default:
            try (ResultSet rs = c.getMetaData().getColumns(null, "statestore", "state", "%")) {
              assertTrue(rs.next());
            }
        }
      }
    }
    return version;
  }

  private static int serverThreads() {
    int count = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      if (t.getName().startsWith("statestore-pg-")) {
        count++;
      }
    }
    return count;
  }
}
