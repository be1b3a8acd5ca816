package io.statestore.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prefix query: {@code SELECT state_id, body FROM state WHERE state_id LIKE 'prod:%'} matching a
 * fixed number of states in stores of growing size N, against a full scan ({@code SELECT state_id,
 * body FROM state}) of the same store; and the prefix query's time at the largest N against its
 * time at the smallest, which shows whether its cost follows the matches or the store size.
 */
public final class PrefixQueryScenario implements Scenario {
  private static final String PREFIX_SQL =
      "SELECT state_id, body FROM state WHERE state_id LIKE '" + StateData.PROD + ":%'";
  private static final String SCAN_SQL = "SELECT state_id, body FROM state";

  @Override
  public String name() {
    return "prefix-query";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    List<Result> out = new ArrayList<>();
    for (StoreKind kind : StoreKind.values()) {
      Stats first = null;
      Stats last = null;
      int firstN = 0;
      int lastN = 0;
      for (int n : config.prefixSizes()) {
        Path dir = work.resolve(kind.name().toLowerCase(Locale.ROOT) + "-" + n);
        kind.populate(dir, StateData.ids(n, config.prefixMatches(), n));
        // The full scan of the largest stores takes seconds: fewer rounds, one call each.
        boolean heavy = n >= 50_000;
        Harness harness =
            new Harness(
                heavy ? 1 : Math.min(config.warmup(), 5),
                heavy ? config.heavyRounds() : config.rounds());
        try (Connection c = DriverManager.getConnection(kind.url(dir));
            PreparedStatement prefix = c.prepareStatement(PREFIX_SQL);
            PreparedStatement scan = c.prepareStatement(SCAN_SQL)) {
          int expected = config.prefixMatches();
          Op prefixOp = i -> SqlRuns.check(SqlRuns.drain(prefix), expected);
          Op scanOp = i -> SqlRuns.check(SqlRuns.drain(scan), n);
          Stats[] s = harness.compare(prefixOp, scanOp, heavy ? 3 : 10, 1);
          out.add(
              Result.speedup(
                  String.format(Locale.ROOT, "prefix query, %s, N=%,d", kind.label(), n),
                  "LIKE 'prod:%' (" + expected + " matches)",
                  "full scan of all N",
                  s,
                  n >= 100_000 ? Goal.atLeast(50) : null,
                  ""));
          if (first == null) {
            first = s[0];
            firstN = n;
          }
          last = s[0];
          lastN = n;
        }
      }
      out.add(
          Result.slowdown(
              String.format(
                  Locale.ROOT,
                  "prefix query growth, %s, N=%,d vs %,d",
                  kind.label(),
                  lastN,
                  firstN),
              String.format(Locale.ROOT, "LIKE 'prod:%%' at N=%,d", lastN),
              String.format(Locale.ROOT, "LIKE 'prod:%%' at N=%,d", firstN),
              new Stats[] {last, first},
              Goal.atMost(2),
              ""));
    }
    return out;
  }
}
