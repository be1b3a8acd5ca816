package io.statestore.jdbc;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Increments a counter state {@code n} times with {@code UPDATE state SET body = <function of
 * body>}, retrying on SQLState 40001 as documented. Run in-process by threads or as a separate JVM
 * ({@code main(url, stateId, n)}) by the multi-process tests.
 */
public final class CounterWorker {
  private CounterWorker() {}

  /** Entry point of a child JVM. */
  public static void main(String[] args) throws Exception {
    int retries = run(args[0], args[1], Integer.parseInt(args[2]));
    System.out.println("retries=" + retries);
  }

  /** Runs the increments; returns how many times a conflict was retried. */
  public static int run(String url, String stateId, int n) throws SQLException {
    int retries = 0;
    String sql =
        "UPDATE state SET body = '{\"completed\": {\"n\": ' ||"
            + " CAST(CAST(JSON_VALUE(body, '$.completed.n') AS INTEGER) + 1 AS VARCHAR) || '}}'"
            + " WHERE state_id = ?";
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < n; i++) {
        while (true) {
          ps.setString(1, stateId);
          try {
            if (ps.executeUpdate() != 1) {
              throw new IllegalStateException("counter state vanished");
            }
            break;
          } catch (SQLException e) {
            if (!"40001".equals(e.getSQLState())) {
              throw e;
            }
            retries++;
          }
        }
      }
    }
    return retries;
  }
}
