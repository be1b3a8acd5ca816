package io.statestore.bench;

import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cloud stores over a network 20 ms away: S3Proxy and Azurite, started by the scenario, each
 * behind a {@link DelayingProxy} that holds every request 20 ms. A full scan with bodies and a copy
 * into the store, with the default window ({@code parallel_requests} 16 on object stores) against
 * {@code parallel_requests=1}, and the peak heap of the windowed runs. An emulator that is not
 * installed is skipped with a line saying so (the smoke test runs without them).
 */
public final class EmulatorLatencyScenario implements Scenario {
  private static final Logger LOG = LoggerFactory.getLogger(EmulatorLatencyScenario.class);
  private static final int MILLIS = 20;
  private static final String ONE_AT_A_TIME = "parallel_requests=1";

  @Override
  public String name() {
    return "emulator-latency";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    boolean tiny = config.scanStates() < 1_000;
    int n = tiny ? 4 : Math.min(1_000, config.scanStates() / 10);
    Duration startTimeout = Duration.ofSeconds(tiny ? 20 : 120);
    List<Result> out = new ArrayList<>();
    for (EmulatedStore.Kind kind : EmulatedStore.Kind.values()) {
      Emulator.Found found =
          kind == EmulatedStore.Kind.S3 ? Emulator.s3ProxyJar() : Emulator.azuriteDir();
      if (found.path().isEmpty()) {
        LOG.warn("emulator-latency: {} skipped: {}", kind, found.missing());
        continue;
      }
      if (tiny
          && kind == EmulatedStore.Kind.S3
          && System.getProperty(Emulator.S3PROXY_JAR) == null) {
        // S3Proxy is a JVM of its own that takes 10-30 s to start on a busy machine.
        LOG.warn(
            "emulator-latency: S3 skipped in the tiny run: S3Proxy takes too long to start for a"
                + " smoke test (give --s3proxy-jar= to include it)");
        continue;
      }
      Path dir = Files.createDirectories(work.resolve(kind.name().toLowerCase(Locale.ROOT)));
      EmulatedStore store;
      try {
        store = EmulatedStore.start(kind, found.path().get(), dir, startTimeout, MILLIS);
      } catch (Exception e) {
        LOG.warn(
            "emulator-latency: {} skipped: the emulator did not start: {}", kind, e.toString());
        continue;
      }
      try (store) {
        out.addAll(measure(store, n, config, tiny));
      }
    }
    return out;
  }

  private static List<Result> measure(EmulatedStore store, int n, BenchConfig config, boolean tiny)
      throws Exception {
    int warmN = Math.min(n, 10);
    String source = memoryStore(n);
    String warmSource = memoryStore(warmN);
    // The scanned states are written straight to the emulator, without the delay.
    SqlRuns.copy(source, store.url("scan", false, ""), n);
    SqlRuns.copy(warmSource, store.url("warm", false, ""), warmN);
    String scanFar = store.url("scan", true, "");
    String scanOne = store.url("scan", true, ONE_AT_A_TIME);
    int[] target = new int[1];
    // Warm-up on ten states: class loading, JIT and the emulator's own start-up costs.
    for (String settings : tiny ? List.<String>of() : List.of("", ONE_AT_A_TIME)) {
      SqlRuns.scan(store.url("warm", true, settings), warmN);
      SqlRuns.copy(warmSource, store.url("warm-copy-" + target[0]++, true, settings), warmN);
    }
    int rounds = tiny ? 1 : config.heavyRounds();
    Harness harness = new Harness(0, rounds);
    Stats[] scan = harness.compare(i -> SqlRuns.scan(scanFar, n), i -> SqlRuns.scan(scanOne, n), 1);
    Op copyWindow = i -> SqlRuns.copy(source, store.url("copy-" + target[0]++, true, ""), n);
    Op copyOne =
        i -> SqlRuns.copy(source, store.url("copy-" + target[0]++, true, ONE_AT_A_TIME), n);
    // One copy at a time is 4 requests a state, 80 s for 1,000 states: two rounds, not three.
    Stats[] copy = new Harness(0, tiny ? 1 : Math.min(rounds, 2)).compare(copyWindow, copyOne, 1);

    long before = store.delayedRequests();
    HeapPeak.reset();
    SqlRuns.scan(scanFar, n);
    long scanPeak = HeapPeak.peakBytes();
    long scanRequests = store.delayedRequests() - before;
    before = store.delayedRequests();
    HeapPeak.reset();
    copyWindow.run(0);
    long copyPeak = HeapPeak.peakBytes();
    long copyRequests = store.delayedRequests() - before;

    String where =
        String.format(
            Locale.ROOT, "emulated cloud, %s, %d ms per request, N=%,d", store.label(), MILLIS, n);
    return List.of(
        Result.speedup(
            where + ", full scan",
            "SELECT state_id, body FROM state, parallel_requests 16 (default)",
            "the same with " + ONE_AT_A_TIME,
            scan,
            Goal.atLeast(10),
            note(scanPeak, scanRequests, "scan")),
        Result.speedup(
            where + ", copy into it",
            "INSERT INTO state SELECT * FROM src.state (memory: source), parallel_requests 16",
            "the same with " + ONE_AT_A_TIME,
            copy,
            Goal.atLeast(10),
            note(copyPeak, copyRequests, "copy")));
  }

  private static String note(long peak, long requests, String what) {
    return String.format(
        Locale.ROOT,
        "peak heap %d MiB of %d MiB max (default window); %,d requests per %s",
        peak >> 20,
        HeapPeak.maxBytes() >> 20,
        requests,
        what);
  }

  /** A new in-memory store holding {@code n} generated states; its URI. */
  private static String memoryStore(int n) {
    String uri = "memory:emulator-src-" + UUID.randomUUID();
    StateStore src = StateStores.open(uri, Map.of());
    for (String id : StateData.ids(n, Math.max(1, n / 10), 7)) {
      src.upsert(id, Fixtures.body(id), Deadline.none());
    }
    return uri;
  }
}
