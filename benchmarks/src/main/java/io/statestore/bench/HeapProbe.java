package io.statestore.bench;

import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

/**
 * Run in a fresh JVM with a small heap by {@link BodyFreeScenario}: connects to a URL, runs a
 * warm-up query, then each query in turn, reading every row's two columns, and prints {@code
 * rows=<n> nanos=<query and rows> peakHeap=<bytes>} per query on standard output. An {@link
 * OutOfMemoryError} ends the process with a non-zero exit and the error on standard error.
 */
public final class HeapProbe {
  private HeapProbe() {}

  /**
   * Entry point.
   *
   * @param args the JDBC URL and the SQL
   */
  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      throw new IllegalArgumentException("usage: HeapProbe <jdbc url> <warm-up sql> <sql>...");
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    try (Connection c = DriverManager.getConnection(args[0]);
        Statement s = c.createStatement()) {
      // One small query first, so that loading and warming up the SQL engine is not measured.
      try (ResultSet rs = s.executeQuery(args[1])) {
        while (rs.next()) {
          rs.getString(1);
        }
      }
      for (int q = 2; q < args.length; q++) {
        HeapPeak.reset();
        long start = System.nanoTime();
        long rows = drain(s, args[q]);
        long nanos = System.nanoTime() - start;
        out.println("rows=" + rows + " nanos=" + nanos + " peakHeap=" + HeapPeak.peakBytes());
      }
    }
    out.flush();
  }

  private static long drain(Statement s, String sql) throws Exception {
    boolean ordered = sql.contains("ORDER BY state_id");
    long rows = 0;
    String previous = null;
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        String id = rs.getString(1);
        if (ordered && previous != null && previous.compareTo(id) > 0) {
          throw new IllegalStateException("rows out of order: " + previous + " before " + id);
        }
        previous = id;
        Sink.consume(rs.getString(2));
        rows++;
      }
    }
    return rows;
  }
}
