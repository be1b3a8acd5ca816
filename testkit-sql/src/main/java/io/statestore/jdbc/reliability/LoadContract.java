package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.statestore.jdbc.StatestoreDriver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Load through a HikariCP pool of driver connections: 8 threads for 30 s (scaled by {@link Scale})
 * of point reads, counter updates on a few hot states, LIKE listings and insert/delete pairs over
 * 10,000 states (scaled). No deadlock (every thread finishes), no exception other than 40001
 * (retried), no lost counter update, and no lock object left behind.
 */
public abstract class LoadContract {
  private static final Logger LOG = LoggerFactory.getLogger(LoadContract.class);
  private static final int THREADS = 8;
  private static final int HOT = 16;
  private static final int GROUPS = 50;

  /** A fresh store. */
  protected abstract StoreFixture store() throws Exception;

  private static String id(int i) {
    return "g" + (i % GROUPS) + ":" + String.format("%05d", i);
  }

  private static String hot(int h) {
    return "hot-" + h;
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void mixedLoadThroughAPoolLeavesNothingBehind() throws Exception {
    StoreFixture store = store();
    int states = Scale.of(10_000, 1_000);
    long millis = Scale.of(30_000, 3_000);
    HikariConfig config = new HikariConfig();
    config.setDriverClassName(StatestoreDriver.class.getName());
    config.setJdbcUrl(Urls.with(store.url(), Map.of("lock_retry_seconds", "0.005")));
    config.setMaximumPoolSize(THREADS);
    config.setPoolName("statestore-load");
    try (HikariDataSource pool = new HikariDataSource(config)) {
      long start = System.nanoTime();
      populate(Urls.with(store.url(), store.bulkLoadSettings()), states);
      LOG.info("Inserted {} states in {} ms", states, (System.nanoTime() - start) / 1_000_000);
      AtomicLongArray increments = new AtomicLongArray(HOT);
      AtomicLong ops = new AtomicLong();
      AtomicLong retries = new AtomicLong();
      long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
      ExecutorService threads = Executors.newFixedThreadPool(THREADS);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
          int thread = t;
          futures.add(
              threads.submit(
                  () -> {
                    work(pool, thread, states, end, increments, ops, retries);
                    return null;
                  }));
        }
        for (Future<?> f : futures) {
          f.get(millis + 120_000, TimeUnit.MILLISECONDS);
        }
      } finally {
        threads.shutdownNow();
      }
      LOG.info(
          "{} operations in {} ms by {} threads ({} ops/s), {} retries on 40001",
          ops.get(),
          millis,
          THREADS,
          ops.get() * 1000 / millis,
          retries.get());
      try (Connection c = pool.getConnection();
          Statement s = c.createStatement()) {
        for (int h = 0; h < HOT; h++) {
          try (ResultSet rs =
              s.executeQuery(
                  "SELECT CAST(JSON_VALUE(body, '$.completed.n') AS BIGINT) FROM state"
                      + " WHERE state_id = '"
                      + hot(h)
                      + "'")) {
            assertTrue(rs.next());
            assertEquals(increments.get(h), rs.getLong(1), hot(h));
          }
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
          assertTrue(rs.next());
          assertEquals(states + HOT, rs.getInt(1), "temporary states were all deleted");
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locks")) {
          assertTrue(rs.next());
          assertEquals(0, rs.getInt(1), "lock objects left");
        }
      }
    }
    if (store.directory().isPresent()) {
      try (Stream<Path> walk = Files.walk(store.directory().get())) {
        List<Path> leftovers = walk.filter(p -> p.getFileName().toString().equals("lock")).toList();
        assertEquals(List.of(), leftovers, "lock files left");
      }
    }
  }

  private static void populate(String url, int states) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (int i = 0; i < states; i++) {
        ps.setString(1, id(i));
        ps.setString(2, "{\"completed\": {\"i\": " + i + "}}");
        ps.addBatch();
        if (i % 500 == 499) {
          ps.executeBatch();
        }
      }
      for (int h = 0; h < HOT; h++) {
        ps.setString(1, hot(h));
        ps.setString(2, "{\"completed\": {\"n\": 0}}");
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private static void work(
      HikariDataSource pool,
      int thread,
      int states,
      long end,
      AtomicLongArray increments,
      AtomicLong ops,
      AtomicLong retries)
      throws SQLException {
    SplittableRandom r = new SplittableRandom(thread);
    String increment =
        "UPDATE state SET body = '{\"completed\": {\"n\": ' ||"
            + " CAST(CAST(JSON_VALUE(body, '$.completed.n') AS BIGINT) + 1 AS VARCHAR) || '}}'"
            + " WHERE state_id = ?";
    long n = 0;
    while (System.nanoTime() < end) {
      int pick = r.nextInt(10);
      // Each operation borrows a connection from the pool and returns it, as an application does.
      try (Connection c = pool.getConnection()) {
        if (pick < 5) {
          int i = r.nextInt(states);
          try (PreparedStatement ps =
              c.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
            ps.setString(1, id(i));
            try (ResultSet rs = ps.executeQuery()) {
              assertTrue(rs.next(), id(i));
              assertEquals("{\"completed\": {\"i\": " + i + "}, \"partial\": {}}", rs.getString(1));
            }
          }
        } else if (pick < 8) {
          int h = r.nextInt(HOT);
          try (PreparedStatement ps = c.prepareStatement(increment)) {
            ps.setString(1, hot(h));
            while (true) {
              try {
                assertEquals(1, ps.executeUpdate());
                increments.incrementAndGet(h);
                break;
              } catch (SQLException e) {
                if (!"40001".equals(e.getSQLState())) {
                  throw e;
                }
                retries.incrementAndGet();
              }
            }
          }
        } else if (pick < 9) {
          int g = r.nextInt(GROUPS);
          try (PreparedStatement ps =
              c.prepareStatement("SELECT COUNT(*) FROM state WHERE state_id LIKE ?")) {
            ps.setString(1, "g" + g + ":%");
            try (ResultSet rs = ps.executeQuery()) {
              assertTrue(rs.next());
              int expected = states / GROUPS + (g < states % GROUPS ? 1 : 0);
              assertEquals(expected, rs.getInt(1), "g" + g);
            }
          }
        } else {
          String temp = "tmp-" + thread + "-" + n;
          try (Statement s = c.createStatement()) {
            assertEquals(
                1,
                s.executeUpdate(
                    "INSERT INTO state (state_id, body) VALUES ('"
                        + temp
                        + "', '{\"completed\": {}}')"));
            assertEquals(1, s.executeUpdate("DELETE FROM state WHERE state_id = '" + temp + "'"));
          }
        }
      }
      n++;
      ops.incrementAndGet();
    }
  }
}
