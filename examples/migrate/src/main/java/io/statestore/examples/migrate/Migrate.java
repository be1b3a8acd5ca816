package io.statestore.examples.migrate;

import io.statestore.migrate.CopyMode;
import io.statestore.migrate.CopyOptions;
import io.statestore.migrate.CopyResult;
import io.statestore.migrate.StateCopier;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The migration example: a Meltano state directory ({@code file:} store) is copied into an H2
 * system database ({@code systemdb:} store) over two JDBC connections with the copy library, and
 * the target is queried. A second run finds every state unchanged and copies nothing: a copy is
 * resumable.
 */
public final class Migrate {
  private static final String[][] STATES = {
    {"dev:tap-github-to-target-postgres", "users", "2024-08-01T10:00:00Z"},
    {"dev:tap-stripe-to-target-snowflake", "charges", "2024-08-02T11:30:00Z"},
    {"prod:tap-github-to-target-postgres", "users", "2024-08-07T18:45:12Z"},
    {"prod:tap-zendesk-to-target-bigquery", "tickets", "2024-08-07T19:02:40Z"},
  };

  private Migrate() {}

  /**
   * Runs the example.
   *
   * @param args a work directory (default {@code ./.statestore-migrate}) holding the source state
   *     directory and the target database
   */
  public static void main(String[] args) throws SQLException, IOException {
    Path work = Path.of(args.length > 0 ? args[0] : ".statestore-migrate");
    run(work, System.out);
  }

  /** Runs the example in a work directory, printing to {@code out}. */
  public static void run(Path work, PrintStream out) throws SQLException, IOException {
    Path source = work.resolve("meltano-state").toAbsolutePath();
    writeMeltanoStates(source);
    String sourceUrl = "jdbc:statestore:file://" + source;
    String targetUrl =
        "jdbc:statestore:systemdb:jdbc:h2:file:" + work.resolve("systemdb").toAbsolutePath();

    try (Connection from = DriverManager.getConnection(sourceUrl);
        Connection to = DriverManager.getConnection(targetUrl)) {
      out.println("Copying " + sourceUrl + " -> " + to.getMetaData().getURL());
      CopyOptions options = CopyOptions.defaults().withMode(CopyMode.OVERWRITE);
      CopyResult result = new StateCopier(from, to).copy(options, null);
      out.println(result.summary());
      for (var f : result.failures()) {
        out.println("  failed " + f.stateId() + " [" + f.sqlState() + "]: " + f.message());
      }

      out.println();
      out.println("Bookmarks in the target:");
      try (Statement s = to.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT state_id, COALESCE("
                      + "JSON_VALUE(body, '$.completed.singer_state.bookmarks.users"
                      + ".replication_key_value'), "
                      + "JSON_VALUE(body, '$.completed.singer_state.bookmarks.charges"
                      + ".replication_key_value'), "
                      + "JSON_VALUE(body, '$.completed.singer_state.bookmarks.tickets"
                      + ".replication_key_value')) AS bookmark"
                      + " FROM state ORDER BY state_id")) {
        while (rs.next()) {
          out.printf("  %-40s %s%n", rs.getString(1), rs.getString(2));
        }
      }
    }
  }

  /** Writes the source states as Meltano's local filesystem backend lays them out. */
  private static void writeMeltanoStates(Path dir) throws IOException {
    for (String[] st : STATES) {
      Path stateDir = dir.resolve(st[0]);
      Files.createDirectories(stateDir);
      Path file = stateDir.resolve("state.json");
      if (!Files.exists(file)) {
        Files.writeString(file, body(st[1], st[2]), StandardCharsets.UTF_8);
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
