package io.statestore.clients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * What a connection pool needs from the driver, run through a real pool on each store: validation
 * by {@code isValid} (no test query), network timeouts, {@code abort} of a connection blocked on a
 * lock, and eight threads of mixed statements without an error, a lost update, a leaked connection
 * or a leftover lock.
 */
abstract class PoolContract {
  /** Wait for a lock far longer than any test runs, so only an abort can end the wait. */
  static Properties lockSettings() {
    Properties p = new Properties();
    p.setProperty("lock_timeout_seconds", "600");
    p.setProperty("lock_wait_seconds", "600");
    return p;
  }

  @TempDir Path dir;

  /**
   * A started pool of at most {@code maxSize} connections to {@code url} with the driver properties
   * {@code settings}, validating by isValid.
   */
  protected abstract DataSource open(String url, int maxSize, Properties settings) throws Exception;

  /** The pool's count of connections lent out. */
  protected abstract int active(DataSource pool);

  /** Closes the pool. */
  protected abstract void close(DataSource pool) throws Exception;

  /** The loggers of the pool, to check it met no refusal from the driver. */
  protected abstract String[] loggers();

  private static long scaledMillis(long full) {
    double scale = Double.parseDouble(System.getProperty("statestore.test.scale", "1"));
    return Math.max(1_000, (long) (full * scale));
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void validatesByIsValidAndTakesNetworkTimeouts(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir);
        LogbackCapture log = new LogbackCapture(loggers())) {
      DataSource pool = open(store.url(), 2, new Properties());
      ExecutorService executor = Executors.newSingleThreadExecutor();
      try {
        for (int i = 0; i < 3; i++) {
          try (Connection c = pool.getConnection()) {
            assertTrue(c.isValid(2), "a pooled connection is not valid");
            c.setNetworkTimeout(executor, 5_000);
            assertEquals(5_000, c.getNetworkTimeout());
            c.setNetworkTimeout(executor, 0);
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM state");
                ResultSet rs = ps.executeQuery()) {
              assertTrue(rs.next());
              assertEquals(TestStore.SEED_IDS.size(), rs.getInt(1));
            }
          }
        }
        try (Connection raw = store.connect()) {
          assertTrue(raw.isValid(0));
          raw.close();
          assertFalse(raw.isValid(1), "a closed connection reports itself valid");
        }
        assertEquals(0, active(pool));
        assertAll(
            () -> assertEquals(List.of(), log.containing("does not support"), "pool's log"),
            () -> assertEquals(List.of(), log.containing("isValid"), "pool's log"),
            () -> assertEquals(List.of(), log.warnings(), "pool's warnings"));
      } finally {
        executor.shutdownNow();
        close(pool);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  @Timeout(value = 90, unit = TimeUnit.SECONDS)
  void abortEndsAStatementBlockedOnALock(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir)) {
      String id = TestStore.SEED_IDS.get(0);
      DataSource pool = open(store.url(), 2, lockSettings());
      ExecutorService runner = Executors.newSingleThreadExecutor();
      ExecutorService aborter = Executors.newSingleThreadExecutor();
      try {
        store.holdLock(id);
        Connection c = pool.getConnection();
        CompletableFuture<Integer> update =
            CompletableFuture.supplyAsync(
                () -> {
                  try (PreparedStatement ps =
                      c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
                    ps.setString(1, TestStore.body("never"));
                    ps.setString(2, id);
                    return ps.executeUpdate();
                  } catch (SQLException e) {
                    throw new CompletionException(e);
                  }
                },
                runner);
        assertStillWaiting(update);

        long start = System.nanoTime();
        c.abort(aborter);
        ExecutionException ended =
            assertThrows(
                ExecutionException.class,
                () -> update.get(10, TimeUnit.SECONDS),
                "the blocked UPDATE did not end after abort");
        long tookMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        // The abort may land while the UPDATE waits for the lock (the statement fails, caused by
        // the abort) or, on a busy machine, before it started to run (the connection refuses it):
        // either way the pool's caller sees an SQLException with a SQLState.
        Throwable cause = ended.getCause();
        while (cause != null && !(cause instanceof SQLException)) {
          cause = cause.getCause();
        }
        assertTrue(cause instanceof SQLException, "ended with " + ended.getCause());
        String sqlState = ((SQLException) cause).getSQLState();
        assertNotNull(sqlState, "no SQLState: " + cause);
        assertNotEquals("XX000", sqlState, cause.toString());
        assertNotNull(cause.getMessage());
        assertTrue(tookMillis < 5_000, "abort took " + tookMillis + " ms");
        // HikariCP's proxy reports closed only once it is returned: ask the driver's connection.
        assertTrue(c.unwrap(Connection.class).isClosed(), "an aborted connection is not closed");
        c.close();

        store.releaseLock(id);
        assertEquals(0, store.lockCount(), "a lock was left");
        try (Connection check = store.connect();
            PreparedStatement ps =
                check.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
          ps.setString(1, id);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals(TestStore.body("2024-01-01"), rs.getString(1), "the aborted UPDATE wrote");
          }
        }
        try (Connection again = pool.getConnection()) {
          assertTrue(again.isValid(2), "the pool lends a dead connection after an abort");
        }
        assertEquals(0, active(pool), "connections still lent out");
      } finally {
        runner.shutdownNow();
        aborter.shutdownNow();
        close(pool);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  @Timeout(value = 3, unit = TimeUnit.MINUTES)
  void eightThreadsOfMixedStatements(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir)) {
      Properties fastRetry = new Properties();
      fastRetry.setProperty("lock_retry_seconds", "0.05");
      DataSource pool = open(store.url(), 8, fastRetry);
      try {
        MixedWorkload.prepare(pool);
        MixedWorkload work = new MixedWorkload();
        work.run(pool, 8, scaledMillis(10_000));
        assertEquals(List.of(), work.errors());
        assertTrue(work.rounds() > 0, "no round completed");
        assertEquals(work.increments(), MixedWorkload.counter(pool), "lost updates");
        assertEquals(0, active(pool), "connections leaked");
        assertEquals(0, store.lockCount(), "locks left");
        assertEquals(TestStore.SEED_IDS.size() + 2, store.count(), "states left or lost");
      } finally {
        close(pool);
      }
    }
  }

  private static void assertStillWaiting(CompletableFuture<Integer> update) throws Exception {
    try {
      fail(
          "the UPDATE did not wait for the lock another writer holds: "
              + update.get(1_500, TimeUnit.MILLISECONDS));
    } catch (TimeoutException expected) {
      // still waiting for the lock, as it should
    }
  }
}
