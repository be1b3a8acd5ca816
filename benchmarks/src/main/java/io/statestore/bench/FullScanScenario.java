package io.statestore.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;

/**
 * Full scan: {@code SELECT state_id, body FROM state} over a file store against DuckDB's {@code
 * read_text} over the same {@code *}{@code /state.json} files, in the same JVM, both reading every
 * row's id (file name) and body as strings.
 */
public final class FullScanScenario implements Scenario {
  @Override
  public String name() {
    return "full-scan";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    int n = config.scanStates();
    Path dir = work.resolve("file");
    Fixtures.populateFiles(dir, StateData.ids(n, n / 10, 3));
    String glob = dir.toAbsolutePath().toString().replace("'", "''") + "/*/state.json";
    Harness harness = new Harness(Math.min(config.warmup(), 2), config.rounds());
    try (Connection c = DriverManager.getConnection(Fixtures.fileUrl(dir));
        PreparedStatement scan = c.prepareStatement("SELECT state_id, body FROM state");
        Connection duck = DriverManager.getConnection("jdbc:duckdb:");
        Statement duckStatement = duck.createStatement()) {
      String duckSql = "SELECT filename, content FROM read_text('" + glob + "')";
      Op sql = i -> check(drain(scan.executeQuery()), n);
      Op duckOp = i -> check(drain(duckStatement.executeQuery(duckSql)), n);
      Stats[] s = harness.compare(sql, duckOp, 1);
      return List.of(
          Result.slowdown(
              String.format(Locale.ROOT, "full scan, file, N=%,d", n),
              "SELECT state_id, body FROM state",
              "DuckDB read_text('…/*/state.json')",
              s,
              Goal.atMost(1),
              ""));
    }
  }

  private static int drain(ResultSet rs) throws SQLException {
    int rows = 0;
    try (rs) {
      while (rs.next()) {
        Sink.consume(rs.getString(1));
        Sink.consume(rs.getString(2));
        rows++;
      }
    }
    return rows;
  }

  private static void check(int rows, int expected) {
    if (rows != expected) {
      throw new IllegalStateException("expected " + expected + " rows, got " + rows);
    }
  }
}
