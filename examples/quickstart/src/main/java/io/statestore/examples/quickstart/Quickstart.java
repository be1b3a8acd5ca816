package io.statestore.examples.quickstart;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The quickstart: opens the default store ({@code jdbc:statestore:}, an H2 database in the user's
 * {@code ~/.statestore/} holding Meltano's state table), writes a few states as Meltano would, and
 * queries them with LIKE and JSON_VALUE. Run it again and it updates the same states. When the
 * system property {@value #LAUNCHER} names the {@code statestore} command, it ends with the command
 * lines to try next on the same store.
 */
public final class Quickstart {
  private static final String[][] STATES = {
    {"dev:tap-github-to-target-postgres", "users", "2024-08-01T10:00:00Z"},
    {"dev:tap-stripe-to-target-snowflake", "charges", "2024-08-02T11:30:00Z"},
    {"prod:tap-github-to-target-postgres", "users", "2024-08-07T18:45:12Z"},
  };

  /** The system property naming the {@code statestore} command the build made. */
  public static final String LAUNCHER = "statestore.quickstart.launcher";

  private Quickstart() {}

  /**
   * Runs the quickstart.
   *
   * @param args an optional JDBC URL (default {@code jdbc:statestore:})
   */
  public static void main(String[] args) throws SQLException {
    run(args.length > 0 ? args[0] : "jdbc:statestore:", System.out);
    String launcher = System.getProperty(LAUNCHER);
    if (launcher != null && !launcher.isBlank()) {
      printNextSteps(launcher, System.out);
    }
  }

  /** The command lines to try next, on the store the quickstart wrote. */
  public static void printNextSteps(String launcher, PrintStream out) {
    java.nio.file.Path bin = java.nio.file.Path.of(launcher).getParent();
    out.println();
    out.println("Next, the statestore command on the same store (the README's first screen):");
    out.println("  export PATH=\"$PWD/" + bin + ":$PATH\"");
    out.println("  statestore info");
    out.println("  statestore list");
    out.println("  statestore get dev:tap-github-to-target-postgres");
    out.println(
        "  statestore set dev:tap-github-to-target-postgres"
            + " '{\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key\":"
            + " \"updated_at\", \"replication_key_value\": \"2024-09-01T00:00:00Z\"}}}}'");
    out.println("  statestore sql -f examples/quickstart/bookmarks.sql");
    out.println("  statestore sql          # an interactive SQL shell; !quit leaves it");
  }

  /** Runs the quickstart against a URL, printing to {@code out}. */
  public static void run(String url, PrintStream out) throws SQLException {
    try (Connection conn = DriverManager.getConnection(url)) {
      out.println("Connected to " + conn.getMetaData().getURL());
      upsertStates(conn);

      out.println();
      out.println("States of the dev environment (state_id LIKE 'dev:%'):");
      try (Statement s = conn.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT state_id, updated_at FROM state WHERE state_id LIKE 'dev:%'"
                      + " ORDER BY state_id")) {
        while (rs.next()) {
          out.printf("  %-40s updated %s%n", rs.getString(1), rs.getTimestamp(2));
        }
      }

      out.println();
      out.println("Bookmarks, read with JSON_VALUE:");
      try (Statement s = conn.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT state_id,"
                      + " JSON_VALUE(body, '$.completed.singer_state.bookmarks.users"
                      + ".replication_key_value') AS users,"
                      + " JSON_VALUE(body, '$.completed.singer_state.bookmarks.charges"
                      + ".replication_key_value') AS charges"
                      + " FROM state ORDER BY state_id")) {
        while (rs.next()) {
          String bookmark = rs.getString(2) != null ? rs.getString(2) : rs.getString(3);
          out.printf("  %-40s %s%n", rs.getString(1), bookmark);
        }
      }

      out.println();
      try (Statement s = conn.createStatement();
          ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locks")) {
        rs.next();
        out.println("Locks held right now: " + rs.getLong(1));
      }
    }
  }

  /** Inserts each state, or updates it when it exists (SQLState 23505). */
  private static void upsertStates(Connection conn) throws SQLException {
    try (PreparedStatement insert =
            conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)");
        PreparedStatement update =
            conn.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
      for (String[] st : STATES) {
        String body = body(st[1], st[2]);
        try {
          insert.setString(1, st[0]);
          insert.setString(2, body);
          insert.executeUpdate();
        } catch (SQLException e) {
          if (!"23505".equals(e.getSQLState())) {
            throw e;
          }
          update.setString(1, body);
          update.setString(2, st[0]);
          update.executeUpdate();
        }
      }
    }
  }

  private static String body(String stream, String bookmark) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\""
        + stream
        + "\": {\"replication_key\": \"updated_at\", \"replication_key_value\": \""
        + bookmark
        + "\"}}}}, \"partial\": {}}";
  }
}
