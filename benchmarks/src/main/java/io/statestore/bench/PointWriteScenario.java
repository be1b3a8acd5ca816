package io.statestore.bench;

import io.statestore.core.Deadline;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Point write: {@code UPDATE state SET body = ? WHERE state_id = ?} (compare-and-set on the body it
 * read, under the state's lock) against the same compare-and-set through the core API without SQL:
 * {@code StateStore.get} then {@code StateStore.replace} with the version read, which takes and
 * releases the same lock. Each call writes a body different from the stored one.
 */
public final class PointWriteScenario implements Scenario {
  private static final int VERSIONS = 4;

  @Override
  public String name() {
    return "point-write";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    List<Result> out = new ArrayList<>();
    int half = Math.max(1, Math.min(50, config.pointStates() / 2));
    List<String> ids = StateData.ids(2 * half, half, 2);
    List<String> sqlIds = ids.subList(0, half);
    List<String> rawIds = ids.subList(half, 2 * half);
    String[][] bodies = new String[ids.size()][VERSIONS];
    for (int i = 0; i < ids.size(); i++) {
      for (int v = 0; v < VERSIONS; v++) {
        bodies[i][v] = StateData.body(Fixtures.seed(ids.get(i)), v + 1);
      }
    }
    Harness harness = new Harness(Math.min(config.warmup(), 20), config.rounds());
    for (StoreKind kind : StoreKind.values()) {
      Path dir = work.resolve(kind.name().toLowerCase(Locale.ROOT));
      kind.populate(dir, ids);
      try (Connection c = DriverManager.getConnection(kind.url(dir));
          PreparedStatement ps =
              c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?");
          StateStore store = StateStores.open(kind.uri(dir), Map.of())) {
        Op sql =
            i -> {
              int k = i % half;
              ps.setString(1, bodies[k][(i / half) % VERSIONS]);
              ps.setString(2, sqlIds.get(k));
              if (ps.executeUpdate() != 1) {
                throw new IllegalStateException("no row updated for " + sqlIds.get(k));
              }
            };
        Op raw =
            i -> {
              int k = i % half;
              String id = rawIds.get(k);
              StateRecord r = store.get(id).orElseThrow();
              store.replace(
                  id, bodies[half + k][(i / half) % VERSIONS], r.version(), Deadline.none());
            };
        Stats[] s = harness.compare(sql, raw, config.writeCalls());
        out.add(
            Result.slowdown(
                "point write, " + kind.label(),
                "warm PreparedStatement UPDATE state SET body = ? WHERE state_id = ?",
                "StateStore.get + replace(version) (same lock protocol, no SQL)",
                s,
                Goal.atMost(1.5),
                ""));
      }
    }
    return out;
  }
}
