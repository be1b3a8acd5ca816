package io.statestore.bench;

import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Point read: a warm {@code SELECT body FROM state WHERE state_id = ?} against the store's own read
 * of the same state (a plain file read; a direct JDBC query on the H2 table). A second row per
 * store splits the cost: the core API's read ({@code StateStore.get}, which validates the document)
 * against the same raw read.
 */
public final class PointReadScenario implements Scenario {
  @Override
  public String name() {
    return "point-read";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    List<Result> out = new ArrayList<>();
    List<String> ids = StateData.ids(config.pointStates(), config.pointStates() / 10, 1);
    Harness harness = new Harness(config.warmup(), config.rounds());
    for (StoreKind kind : StoreKind.values()) {
      Path dir = work.resolve(kind.name().toLowerCase(java.util.Locale.ROOT));
      kind.populate(dir, ids);
      try (Connection c = DriverManager.getConnection(kind.url(dir));
          PreparedStatement ps = c.prepareStatement("SELECT body FROM state WHERE state_id = ?");
          Connection raw = kind == StoreKind.SYSTEMDB ? rawH2(dir) : null;
          PreparedStatement rawPs =
              raw == null
                  ? null
                  : raw.prepareStatement(
                      "SELECT completed_state, partial_state FROM state WHERE state_id = ?");
          StateStore store = StateStores.open(kind.uri(dir), Map.of())) {
        Op sql = i -> Sink.consume(readOne(ps, ids.get(i % ids.size())));
        Op base =
            kind == StoreKind.FILE
                ? i ->
                    Sink.consume(
                        Files.readString(
                            dir.resolve(ids.get(i % ids.size())).resolve("state.json")))
                : i -> Sink.consume(readRaw(rawPs, ids.get(i % ids.size())));
        Stats[] s = harness.compare(sql, base, config.readCalls());
        out.add(
            Result.slowdown(
                "point read, " + kind.label(),
                "warm PreparedStatement SELECT body … WHERE state_id = ?",
                kind == StoreKind.FILE
                    ? "Files.readString of state.json"
                    : "H2 JDBC SELECT completed_state, partial_state",
                s,
                Goal.atMost(1.5),
                ""));
        Op core = i -> Sink.consume(store.get(ids.get(i % ids.size())).orElseThrow().bodyText());
        out.add(
            Result.slowdown(
                "point read, " + kind.label() + ", core API (no SQL)",
                "StateStore.get(id).bodyText()",
                "the same raw read",
                harness.compare(core, base, config.readCalls()),
                null,
                ""));
      }
    }
    return out;
  }

  static Connection rawH2(Path dir) throws SQLException {
    return DriverManager.getConnection(Fixtures.h2Url(dir));
  }

  private static String readOne(PreparedStatement ps, String id) throws SQLException {
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("missing state " + id);
      }
      return rs.getString(1);
    }
  }

  private static String readRaw(PreparedStatement ps, String id) throws SQLException {
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("missing state " + id);
      }
      return rs.getString(1) + rs.getString(2);
    }
  }
}
