package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateLock;
import io.statestore.core.StateStore;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locks left by another tool in Meltano's format: respected while fresh, taken over once older than
 * {@code lock_timeout_seconds}, and two clients racing to take over the same stale lock never both
 * win (looped, across threads with independent clients and across JVMs).
 */
public abstract class StaleLockContract {
  private static final String BODY = "{\"completed\": {\"v\": 1}, \"partial\": {}}";
  private static final Map<String, String> RACE =
      Map.of(
          "lock_timeout_seconds", "60", "lock_retry_seconds", "0.01", "lock_wait_seconds", "0.05");

  @TempDir Path scratch;

  /** A fresh store. */
  protected abstract StoreFixture store() throws Exception;

  private static void insert(String url, String id) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('" + id + "', '" + BODY + "')");
    }
  }

  private static int update(String url, String id) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      return s.executeUpdate(
          "UPDATE state SET body = '{\"completed\": {\"v\": 2}}' WHERE state_id = '" + id + "'");
    }
  }

  private static Map<String, String> locks(String url) throws SQLException {
    Map<String, String> out = new HashMap<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM locks")) {
      while (rs.next()) {
        out.put(rs.getString("state_id"), String.valueOf(rs.getObject(2)));
      }
    }
    return out;
  }

  private static String body(String url, String id) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM state WHERE state_id = '" + id + "'")) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  @Test
  void freshForeignLockIsRespected() throws Exception {
    StoreFixture store = store();
    String url =
        Urls.with(store.url(), Map.of("lock_wait_seconds", "0.3", "lock_retry_seconds", "0.05"));
    insert(url, "held");
    for (String stamp :
        List.of(
            ForeignLocks.stamp(Instant.now()), String.valueOf(Instant.now().getEpochSecond()))) {
      ForeignLocks.plant(store, "held", stamp);
      SQLException e = assertThrows(SQLException.class, () -> update(url, "held"));
      assertEquals("HYT00", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("held"), e.getMessage());
      assertEquals(BODY, body(url, "held"));
      assertTrue(locks(url).containsKey("held"), "the foreign lock is left alone");
    }
  }

  @Test
  void staleForeignLockIsTakenOver() throws Exception {
    StoreFixture store = store();
    String url =
        Urls.with(store.url(), Map.of("lock_wait_seconds", "5", "lock_retry_seconds", "0.05"));
    insert(url, "old");
    Instant hourAgo = Instant.now().minusSeconds(3600);
    for (String stamp :
        List.of(ForeignLocks.stamp(hourAgo), String.valueOf(hourAgo.getEpochSecond()))) {
      ForeignLocks.plant(store, "old", stamp);
      assertEquals(1, update(url, "old"));
      assertEquals("{\"completed\": {\"v\": 2}, \"partial\": {}}", body(url, "old"));
      assertTrue(locks(url).isEmpty(), "taken over, then released: " + locks(url));
      update(url, "old");
    }
  }

  @Test
  void lockTurningStaleWhileWaitingIsTakenOver() throws Exception {
    StoreFixture store = store();
    String url =
        Urls.with(
            store.url(),
            Map.of(
                "lock_timeout_seconds",
                "2",
                "lock_wait_seconds",
                "30",
                "lock_retry_seconds",
                "0.1"));
    insert(url, "soon");
    ForeignLocks.plant(store, "soon", ForeignLocks.stamp(Instant.now()));
    assertEquals(1, update(url, "soon"));
    assertTrue(locks(url).isEmpty());
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void independentClientsNeverBothWinAStaleLock() throws Exception {
    StoreFixture store = store();
    int rounds = Scale.of(150, 30);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (StateStore a = ForeignLocks.open(store, RACE);
        StateStore b = ForeignLocks.open(store, RACE)) {
      CyclicBarrier start = new CyclicBarrier(2);
      for (int i = 0; i < rounds; i++) {
        String id = "race-" + i;
        ForeignLocks.plant(store, id, ForeignLocks.stamp(Instant.now().minusSeconds(3600)));
        Future<StateLock> fa = pool.submit(() -> tryLock(a, id, start));
        Future<StateLock> fb = pool.submit(() -> tryLock(b, id, start));
        StateLock la = fa.get(1, TimeUnit.MINUTES);
        StateLock lb = fb.get(1, TimeUnit.MINUTES);
        assertTrue(la == null ^ lb == null, "exactly one client must win " + id);
        (la != null ? la : lb).close();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static StateLock tryLock(StateStore store, String id, CyclicBarrier start)
      throws Exception {
    start.await(1, TimeUnit.MINUTES);
    try {
      return store.lock(id, Deadline.none());
    } catch (StateStoreException e) {
      if (e.kind() != ErrorKind.TIMEOUT) {
        throw e;
      }
      return null;
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void twoProcessesNeverBothWinAStaleLock() throws Exception {
    StoreFixture store = store();
    assumeTrue(store.sharedAcrossProcesses(), "the store lives in one JVM");
    int n = Scale.of(100, 20);
    List<String> ids = new ArrayList<>();
    Instant hourAgo = Instant.now().minusSeconds(3600);
    for (int i = 0; i < n; i++) {
      ids.add("jvm-race-" + i);
      ForeignLocks.plant(store, ids.get(i), ForeignLocks.stamp(hourAgo));
    }
    String uri = ForeignLocks.storeUri(Urls.with(store.url(), RACE));
    Path go = scratch.resolve("go");
    List<ChildJvm> racers = new ArrayList<>();
    try (Connection keeper = DriverManager.getConnection(store.url())) {
      for (int p = 0; p < 2; p++) {
        ChildJvm racer =
            ChildJvm.start(TakeoverRacer.class, uri, go.toString(), String.join(",", ids));
        racers.add(racer);
        assertNotNull(racer.awaitLine("ready", 90, TimeUnit.SECONDS), racer.output());
      }
      Files.writeString(go, "go");
      for (ChildJvm racer : racers) {
        assertEquals(0, racer.await(4, TimeUnit.MINUTES), racer.output());
      }
    } finally {
      for (ChildJvm racer : racers) {
        racer.close();
      }
    }
    Map<String, Integer> wins = new HashMap<>();
    for (ChildJvm racer : racers) {
      for (String line : racer.lines("won ")) {
        wins.merge(line.substring(4), 1, Integer::sum);
      }
    }
    for (String id : ids) {
      assertEquals(1, wins.getOrDefault(id, 0), "winners of " + id);
    }
    try (StateStore s = ForeignLocks.open(store, Map.of())) {
      assertEquals(
          n,
          s.locks("jvm-race-", io.statestore.core.Deadline.none()).count(),
          "each won lock is held, in the store's format");
    }
  }
}
