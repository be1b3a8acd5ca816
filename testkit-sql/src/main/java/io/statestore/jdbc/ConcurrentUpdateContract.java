package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No lost update: several threads, then several JVMs, run {@code UPDATE ... SET body = f(body)} on
 * one state with the documented retry on 40001, and the final counter equals the number of
 * increments.
 */
public abstract class ConcurrentUpdateContract {
  /** A URL of a fresh store that several processes can share. */
  protected abstract String url() throws Exception;

  /** Increments per worker; scaled down on CI by {@code -Dstatestore.test.scale}. */
  protected static int perWorker(int base) {
    double scale = Double.parseDouble(System.getProperty("statestore.test.scale", "1"));
    return Math.max(5, (int) (base * scale));
  }

  private static void createCounter(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('c', '{\"completed\": {\"n\": 0}}')");
    }
  }

  private static int counter(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CAST(JSON_VALUE(body, '$.completed.n') AS INTEGER), body FROM state"
                    + " WHERE state_id = 'c'")) {
      assertTrue(rs.next());
      return rs.getInt(1);
    }
  }

  @Test
  @Timeout(value = 5, unit = TimeUnit.MINUTES)
  void threadsLoseNoUpdate() throws Exception {
    String url = url();
    createCounter(url);
    int threads = 4;
    int n = perWorker(25);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Integer>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> CounterWorker.run(url, "c", n)));
      }
      for (Future<Integer> f : futures) {
        f.get(4, TimeUnit.MINUTES);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(threads * n, counter(url));
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void processesLoseNoUpdate() throws Exception {
    String url = url();
    createCounter(url);
    int processes = 3;
    int n = perWorker(40);
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<Process> children = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      children.add(
          new ProcessBuilder(
                  java,
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  CounterWorker.class.getName(),
                  url,
                  "c",
                  String.valueOf(n))
              .redirectErrorStream(true)
              .start());
    }
    for (Process child : children) {
      String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertTrue(child.waitFor(8, TimeUnit.MINUTES));
      assertEquals(0, child.exitValue(), output);
    }
    assertEquals(processes * n, counter(url));
  }
}
