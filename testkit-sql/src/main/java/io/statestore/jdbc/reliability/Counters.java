package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** The counter state the lost-update tests increment: {@code {"completed": {"n": <n>}}}. */
public final class Counters {
  private Counters() {}

  /** Creates the counter at zero. */
  public static void create(String url, String stateId) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('"
              + stateId
              + "', '{\"completed\": {\"n\": 0}}')");
    }
  }

  /** The counter's value. */
  public static long read(String url, String stateId) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT CAST(JSON_VALUE(body, '$.completed.n') AS BIGINT) FROM state"
                    + " WHERE state_id = '"
                    + stateId
                    + "'")) {
      assertTrue(rs.next(), "counter state " + stateId + " is missing");
      return rs.getLong(1);
    }
  }
}
