package io.statestore.clients;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;

/**
 * Threads borrowing pooled connections for a while, each round running SELECT, INSERT, UPDATE,
 * MERGE and DELETE on an id of its own and an increment of one shared counter state (retried on
 * 40001, as documented), so that a lost update, a leaked connection or a leftover lock shows.
 */
final class MixedWorkload {
  /** The shared counter state. */
  static final String COUNTER = "shared:counter";

  /** The shared state every thread merges into. */
  static final String SHARED = "shared:merged";

  private static final String INCREMENT =
      "UPDATE state SET body = '{\"completed\": {\"n\": ' ||"
          + " CAST(CAST(JSON_VALUE(body, '$.completed.n') AS INTEGER) + 1 AS VARCHAR) || '}}'"
          + " WHERE state_id = ?";
  private static final String MERGE =
      "MERGE INTO state t USING (VALUES (CAST(? AS VARCHAR), CAST(? AS VARCHAR))) AS s(id, b)"
          + " ON t.state_id = s.id"
          + " WHEN MATCHED THEN UPDATE SET body = s.b"
          + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (s.id, s.b)";

  private final AtomicLong increments = new AtomicLong();
  private final AtomicLong retries = new AtomicLong();
  private final AtomicLong rounds = new AtomicLong();
  private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

  /** Creates the shared states the workload needs. */
  static void prepare(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      ps.setString(1, COUNTER);
      ps.setString(2, "{\"completed\": {\"n\": 0}}");
      ps.addBatch();
      ps.setString(1, SHARED);
      ps.setString(2, TestStore.body("start"));
      ps.addBatch();
      ps.executeBatch();
    }
  }

  /** Runs {@code threads} workers for {@code millis} milliseconds. */
  void run(DataSource ds, int threads, long millis) throws Exception {
    long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int worker = t;
        futures.add(pool.submit(() -> work(ds, worker, end)));
      }
      for (Future<?> f : futures) {
        f.get(millis + 120_000, TimeUnit.MILLISECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private void work(DataSource ds, int worker, long end) {
    int round = 0;
    while (System.nanoTime() < end) {
      String own = "mix:" + worker + ":" + round;
      try {
        round(ds, own, worker, round);
        rounds.incrementAndGet();
      } catch (SQLException | RuntimeException e) {
        errors.add(
            own
                + ": "
                + e
                + (e instanceof SQLException
                    ? " [SQLState " + ((SQLException) e).getSQLState() + "]"
                    : ""));
        if (errors.size() > 20) {
          return;
        }
      }
      round++;
    }
  }

  private void round(DataSource ds, String own, int worker, int round) throws SQLException {
    try (Connection c = ds.getConnection()) {
      try (PreparedStatement ps =
          c.prepareStatement("SELECT state_id FROM state WHERE state_id LIKE ?")) {
        ps.setString(1, "dev:%");
        try (ResultSet rs = ps.executeQuery()) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          check(n == 3, own + ": saw " + n + " dev states");
        }
      }
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
        ps.setString(1, own);
        ps.setString(2, TestStore.body("inserted"));
        check(ps.executeUpdate() == 1, own + ": insert");
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
        ps.setString(1, TestStore.body("updated"));
        ps.setString(2, own);
        check(ps.executeUpdate() == 1, own + ": update");
      }
      merge(c, own, TestStore.body("merged"));
      try (PreparedStatement ps = c.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
        ps.setString(1, own);
        try (ResultSet rs = ps.executeQuery()) {
          check(rs.next() && TestStore.body("merged").equals(rs.getString(1)), own + ": read back");
        }
      }
      retrying(() -> merge(c, SHARED, TestStore.body(worker + ":" + round)));
      retrying(
          () -> {
            try (PreparedStatement ps = c.prepareStatement(INCREMENT)) {
              ps.setString(1, COUNTER);
              check(ps.executeUpdate() == 1, "counter vanished");
            }
          });
      increments.incrementAndGet();
      try (PreparedStatement ps = c.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
        ps.setString(1, own);
        check(ps.executeUpdate() == 1, own + ": delete");
      }
    }
  }

  private static void merge(Connection c, String id, String body) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(MERGE)) {
      ps.setString(1, id);
      ps.setString(2, body);
      check(ps.executeUpdate() == 1, id + ": merge");
    }
  }

  private interface SqlAction {
    void run() throws SQLException;
  }

  private void retrying(SqlAction action) throws SQLException {
    while (true) {
      try {
        action.run();
        return;
      } catch (SQLException e) {
        if (!"40001".equals(e.getSQLState())) {
          throw e;
        }
        retries.incrementAndGet();
      }
    }
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw new IllegalStateException(what);
    }
  }

  /** The increments that succeeded. */
  long increments() {
    return increments.get();
  }

  /** The rounds completed without error. */
  long rounds() {
    return rounds.get();
  }

  /** The conflicts retried. */
  long retries() {
    return retries.get();
  }

  /** The errors met, one line each. */
  List<String> errors() {
    synchronized (errors) {
      return new ArrayList<>(errors);
    }
  }

  /** The counter's value, read through {@code ds}. */
  static long counter(DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT CAST(JSON_VALUE(body, '$.completed.n') AS INTEGER) FROM state"
                    + " WHERE state_id = ?")) {
      ps.setString(1, COUNTER);
      try (ResultSet rs = ps.executeQuery()) {
        check(rs.next(), "no counter");
        return rs.getLong(1);
      }
    }
  }
}
