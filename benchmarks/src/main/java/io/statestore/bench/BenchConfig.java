package io.statestore.bench;

import java.util.List;

/**
 * Sizes and repetition counts of one run.
 *
 * @param warmup warm-up calls of each operation
 * @param rounds measured rounds of each operation
 * @param pointStates states in the point read/write stores
 * @param readCalls point reads per round
 * @param writeCalls point writes per round
 * @param prefixSizes store sizes N of the prefix query
 * @param prefixMatches states matching the prefix
 * @param heavyRounds measured rounds of operations that take seconds
 * @param scanStates states in the full-scan store
 * @param copyStates states copied file → H2
 * @param loopSample states the per-state copy loop is measured on (its cost is linear)
 * @param coldRuns separate processes started per cold-start measurement
 */
public record BenchConfig(
    int warmup,
    int rounds,
    int pointStates,
    int readCalls,
    int writeCalls,
    List<Integer> prefixSizes,
    int prefixMatches,
    int heavyRounds,
    int scanStates,
    int copyStates,
    int loopSample,
    int coldRuns) {

  /** The full run that BENCHMARKS.md reports. */
  public static BenchConfig standard() {
    return new BenchConfig(
        200, 7, 1000, 2000, 100, List.of(1_000, 10_000, 100_000), 100, 3, 10_000, 10_000, 200, 5);
  }

  /** Every scenario once at a tiny size: the smoke test, which only checks the harness runs. */
  public static BenchConfig tiny() {
    return new BenchConfig(1, 1, 10, 2, 2, List.of(20, 40), 5, 1, 20, 20, 3, 1);
  }
}
