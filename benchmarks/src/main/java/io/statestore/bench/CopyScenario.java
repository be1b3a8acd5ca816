package io.statestore.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * Copy file → H2: one connection to a new H2 system database with the file store attached as {@code
 * src}, running {@code INSERT INTO state SELECT * FROM src.state}; against the per-state loop users
 * script today, which opens a connection to each store for every state, reads it and inserts it.
 * The loop's cost is linear in the number of states, so it is measured on a sample and scaled to
 * the full count; the table says so.
 */
public final class CopyScenario implements Scenario {
  @Override
  public String name() {
    return "copy";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    int n = config.copyStates();
    int sample = Math.min(config.loopSample(), n);
    Path src = work.resolve("src");
    List<String> ids = StateData.ids(n, n / 10, 4);
    Fixtures.populateFiles(src, ids);
    String srcUri = Fixtures.fileUri(src);
    int[] target = new int[1];

    Op copy =
        i -> {
          Path dst = work.resolve("dst-attach-" + target[0]++);
          Properties p = new Properties();
          p.setProperty("attach.src", srcUri);
          try (Connection c = DriverManager.getConnection(Fixtures.systemDbUrl(dst), p);
              Statement s = c.createStatement()) {
            long rows = s.executeLargeUpdate("INSERT INTO state SELECT * FROM src.state");
            if (rows != n) {
              throw new IllegalStateException("copied " + rows + " of " + n);
            }
          }
        };
    Path loopDst = work.resolve("dst-loop");
    String srcUrl = Fixtures.fileUrl(src);
    String dstUrl = Fixtures.systemDbUrl(loopDst);
    Op loopOne =
        i -> {
          String id = ids.get(i % n);
          if (i >= n) {
            throw new IllegalStateException("the per-state loop ran out of states");
          }
          String body;
          try (Connection c = DriverManager.getConnection(srcUrl);
              PreparedStatement ps =
                  c.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              body = rs.getString(1);
            }
          }
          try (Connection c = DriverManager.getConnection(dstUrl);
              PreparedStatement ps =
                  c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
            ps.setString(1, id);
            ps.setString(2, body);
            ps.executeUpdate();
          }
        };
    // Warm-up is one call each (a whole copy, one state of the loop), rounds as configured; the
    // loop's rounds share its sample.
    int rounds = Math.max(1, config.heavyRounds());
    int perRound = Math.max(1, (sample - 1) / rounds);
    Harness harness = new Harness(1, rounds);
    Stats[] s = harness.compare(copy, loopOne, 1, perRound);
    Stats loopScaled = new Stats(s[1].minNanos() * n, s[1].medianNanos() * n, s[1].rounds());

    HeapPeak.reset();
    copy.run(0);
    long peak = HeapPeak.peakBytes();
    String note =
        String.format(
            Locale.ROOT, "peak heap %d MiB of %d MiB max", peak >> 20, HeapPeak.maxBytes() >> 20);
    return List.of(
        Result.speedup(
            String.format(Locale.ROOT, "copy file → H2, N=%,d", n),
            "one connection, attach.src, INSERT INTO state SELECT * FROM src.state",
            String.format(
                Locale.ROOT,
                "per-state loop, 2 connections per state (measured on %d states, ×%d)",
                perRound * rounds,
                n),
            new Stats[] {s[0], loopScaled},
            Goal.atLeast(20),
            note));
  }
}
