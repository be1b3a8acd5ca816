package io.statestore.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

/**
 * Run in a fresh JVM by {@link ColdConnectScenario}: connects to a URL, runs one query with one
 * string parameter and reads its first row, then prints {@code nanos=<connect + first query>
 * uptimeMillis=<JVM uptime at the first row>} and the three parts ({@code connectNanos=}, {@code
 * prepareNanos=}, {@code executeNanos=}: execution and reading the row) on standard output.
 */
public final class ColdProbe {
  private ColdProbe() {}

  /**
   * Entry point.
   *
   * @param args the JDBC URL, the SQL, and the parameter
   */
  public static void main(String[] args) throws Exception {
    if (args.length != 3) {
      throw new IllegalArgumentException("usage: ColdProbe <jdbc url> <sql> <parameter>");
    }
    long start = System.nanoTime();
    String first;
    try (Connection c = DriverManager.getConnection(args[0])) {
      long connected = System.nanoTime();
      try (PreparedStatement ps = c.prepareStatement(args[1])) {
        long prepared = System.nanoTime();
        ps.setString(1, args[2]);
        try (ResultSet rs = ps.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException("no row for the parameter");
          }
          first = rs.getString(1);
        }
        long end = System.nanoTime();
        long uptime = ManagementFactory.getRuntimeMXBean().getUptime();
        PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
        out.println(
            "nanos="
                + (end - start)
                + " uptimeMillis="
                + uptime
                + " connectNanos="
                + (connected - start)
                + " prepareNanos="
                + (prepared - connected)
                + " executeNanos="
                + (end - prepared)
                + " chars="
                + first.length());
        out.flush();
      }
    }
  }
}
