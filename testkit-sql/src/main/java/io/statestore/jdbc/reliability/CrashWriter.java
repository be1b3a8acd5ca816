package io.statestore.jdbc.reliability;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A child JVM that writes large states through the driver without end, until it is killed: {@code
 * main(url, writer, id1,id2,...)}. It prints {@code ready} after its first write and retries on
 * 40001 as documented.
 */
public final class CrashWriter {
  private CrashWriter() {}

  /** Entry point of a child JVM. */
  public static void main(String[] args) throws SQLException {
    String url = args[0];
    int writer = Integer.parseInt(args[1]);
    String[] ids = args[2].split(",");
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
      boolean ready = false;
      for (long seq = 1; ; seq++) {
        String id = ids[(int) ((seq + writer) % ids.length)];
        ps.setString(1, CrashBodies.body(writer, seq));
        ps.setString(2, id);
        try {
          ps.executeUpdate();
        } catch (SQLException e) {
          if (!"40001".equals(e.getSQLState())) {
            throw e;
          }
          continue;
        }
        if (!ready) {
          ready = true;
          System.out.println("ready");
          System.out.flush();
        }
      }
    }
  }
}
