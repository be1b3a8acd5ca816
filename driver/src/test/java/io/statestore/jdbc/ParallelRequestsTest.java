package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.LockTimestamps;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.testkit.CountingBackend;
import io.statestore.testkit.CountingBackendProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Properties;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A statement writing or reading many states has up to {@code parallel_requests} of them in flight
 * at once: writes each under its own lock, leaving every state as it was when one row fails; reads
 * ahead of the rows, in id order, with their warnings on the statement.
 */
class ParallelRequestsTest {
  private static final String ROWS =
      String.join(
          ", ",
          java.util.stream.IntStream.range(0, 8)
              .mapToObj(i -> "('p:" + i + "', '{\"completed\": {\"n\": " + i + "}}')")
              .toList());

  private static Connection connect(String inner, int parallel) throws SQLException {
    Properties p = new Properties();
    p.setProperty("parallel_requests", String.valueOf(parallel));
    p.setProperty("lock_wait_seconds", "0.5");
    return DriverManager.getConnection("jdbc:statestore:counting:" + inner, p);
  }

  @Test
  void insertUpdateAndDeleteWriteUpToTheWindowAtOnce() throws Exception {
    String inner = "memory:parallel-" + UUID.randomUUID();
    CountingBackend store = CountingBackendProvider.store(inner);
    store.holdStateWrites(4, Duration.ofSeconds(20));
    try (Connection c = connect(inner, 4);
        Statement s = c.createStatement()) {
      assertEquals(8, s.executeUpdate("INSERT INTO state (state_id, body) VALUES " + ROWS));
      assertEquals(4, store.mostConcurrentStateWrites(), "inserts in flight at once");
      store.reset();
      store.holdStateWrites(4, Duration.ofSeconds(20));
      assertEquals(
          8,
          s.executeUpdate(
              "UPDATE state SET body = '{\"completed\": {\"n\": 0}}' WHERE state_id LIKE 'p:%'"));
      assertEquals(4, store.mostConcurrentStateWrites(), "updates in flight at once");
      assertEquals(8, s.executeUpdate("DELETE FROM state WHERE state_id LIKE 'p:%'"));
      assertEquals(0, count(s, "state"));
      assertEquals(0, count(s, "locks"), "every lock released");
    }
  }

  @Test
  void aScanReadsBodiesUpToTheWindowAtOnceKeepingIdOrderAndWarnings() throws Exception {
    String inner = "memory:parallel-" + UUID.randomUUID();
    CountingBackend store = CountingBackendProvider.store(inner);
    try (Connection c = connect(inner, 4);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES " + ROWS);
      store.write(
          "p:8",
          ObjectKind.STATE,
          "{\"completed\": {".getBytes(java.nio.charset.StandardCharsets.UTF_8),
          Precondition.none());
      store.reset();
      store.holdStateReads(4, Duration.ofSeconds(20));
      java.util.List<String> rows = new java.util.ArrayList<>();
      try (ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
        while (rs.next()) {
          rows.add(rs.getString(1) + "=" + rs.getString(2).length());
        }
        assertTrue(rs.getWarnings() != null, "the damaged body's warning reaches the statement");
        assertTrue(rs.getWarnings().getMessage().contains("'p:8'"), rs.getWarnings().getMessage());
      }
      assertEquals(9, rows.size(), rows.toString());
      for (int i = 0; i < 9; i++) {
        assertTrue(rows.get(i).startsWith("p:" + i + "="), rows.toString());
      }
      assertEquals(4, store.mostConcurrentStateReads(), "bodies read at once");
    }
  }

  @Test
  void aWindowOfOneWritesOneStateAfterAnother() throws Exception {
    String inner = "memory:parallel-" + UUID.randomUUID();
    CountingBackend store = CountingBackendProvider.store(inner);
    store.holdStateWrites(2, Duration.ofMillis(100));
    try (Connection c = connect(inner, 1);
        Statement s = c.createStatement()) {
      assertEquals(8, s.executeUpdate("INSERT INTO state (state_id, body) VALUES " + ROWS));
      assertEquals(1, store.mostConcurrentStateWrites());
    }
  }

  @Test
  void aRowThatFailsLeavesEveryStateAsItWas() throws Exception {
    String inner = "memory:parallel-" + UUID.randomUUID();
    CountingBackend store = CountingBackendProvider.store(inner);
    store.write(
        "p:5", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    try (Connection c = connect(inner, 4);
        Statement s = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("INSERT INTO state (state_id, body) VALUES " + ROWS));
      assertEquals("HYT00", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("removed again"), e.getMessage());
      assertEquals(0, count(s, "state"), "the rows written beside the failed one were undone");
      assertEquals(1, count(s, "locks"), "only the other writer's lock is left");
    }
  }

  @Test
  void anInterruptedScanEndsAsCancelled() throws Exception {
    String inner = "memory:parallel-" + UUID.randomUUID();
    CountingBackend store = CountingBackendProvider.store(inner);
    try (Connection c = connect(inner, 4);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES " + ROWS);
      store.reset();
      // Reads wait for eight readers that never come: the scan waits on its first body.
      store.holdStateReads(8, Duration.ofSeconds(20));
      java.util.concurrent.atomic.AtomicReference<Throwable> seen =
          new java.util.concurrent.atomic.AtomicReference<>();
      Thread reader =
          new Thread(
              () -> {
                try (ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
                  while (rs.next()) {
                    rs.getString(2);
                  }
                } catch (Throwable t) {
                  seen.set(t);
                }
              });
      reader.start();
      long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
      while (store.mostConcurrentStateReads() < 4 && System.nanoTime() < until) {
        Thread.sleep(10);
      }
      reader.interrupt();
      reader.join(Duration.ofSeconds(15).toMillis());
      assertTrue(seen.get() instanceof SQLException, String.valueOf(seen.get()));
      assertEquals("57014", ((SQLException) seen.get()).getSQLState(), seen.get().getMessage());
    }
  }

  private static int count(Statement s, String table) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
