package io.statestore.bench;

import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * A store 20 ms away, as a cloud store is: a full scan with bodies and a copy into it, with the
 * default window of 16 requests in flight against {@code parallel_requests=1}. The delay is
 * injected in-process ({@link LatencyBackend}), so the ratio shows what the window buys over
 * latency alone, without an emulator's own costs.
 */
public final class LatencyScenario implements Scenario {
  private static final int MILLIS = 20;

  @Override
  public String name() {
    return "cloud-latency";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    int n = Math.max(4, config.scanStates() / 50);
    String source = "memory:latency-src-" + UUID.randomUUID();
    StateStore src = StateStores.open(source, Map.of());
    for (String id : StateData.ids(n, n / 10, 5)) {
      src.upsert(id, Fixtures.body(id), Deadline.none());
    }
    Harness harness = new Harness(1, Math.max(1, Math.min(config.rounds(), 3)));
    String far = "jdbc:statestore:latency:" + source + "?latency.millis=" + MILLIS;
    Op scanWindow = i -> SqlRuns.scan(far, n);
    Op scanOne = i -> SqlRuns.scan(far + "&parallel_requests=1", n);
    Stats[] scan = harness.compare(scanWindow, scanOne, 1);
    int[] target = new int[1];
    Op copyWindow = i -> copy(source, n, target[0]++, "");
    Op copyOne = i -> copy(source, n, target[0]++, "&parallel_requests=1");
    Stats[] copy = harness.compare(copyWindow, copyOne, 1);
    return List.of(
        Result.speedup(
            String.format(Locale.ROOT, "full scan, %d ms per request, N=%,d", MILLIS, n),
            "SELECT state_id, body FROM state, parallel_requests 16 (object stores' default)",
            "the same with parallel_requests=1",
            scan,
            Goal.atLeast(10),
            "delay injected in-process; the S3Proxy/Azurite run behind a delaying proxy is not"
                + " measured yet"),
        Result.speedup(
            String.format(Locale.ROOT, "copy into a store %d ms away, N=%,d", MILLIS, n),
            "INSERT INTO state SELECT * FROM src.state, parallel_requests 16",
            "the same with parallel_requests=1",
            copy,
            Goal.atLeast(10),
            "each state: an existence check, lock, write, unlock (4 requests)"));
  }

  private static void copy(String source, int n, int target, String window) throws SQLException {
    String url =
        "jdbc:statestore:latency:memory:latency-dst-"
            + UUID.randomUUID()
            + "-"
            + target
            + "?latency.millis="
            + MILLIS
            + window;
    SqlRuns.copy(source, url, n);
  }
}
