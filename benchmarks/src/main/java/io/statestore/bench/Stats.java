package io.statestore.bench;

import java.util.Arrays;

/**
 * The minimum and median of repeated measurements, in nanoseconds per operation.
 *
 * @param minNanos the fastest round
 * @param medianNanos the median round
 * @param rounds how many rounds were measured
 */
public record Stats(double minNanos, double medianNanos, int rounds) {
  /** Summarises per-operation times of several rounds. */
  public static Stats of(double[] nanosPerOp) {
    if (nanosPerOp.length == 0) {
      throw new IllegalArgumentException("no measurements");
    }
    double[] sorted = nanosPerOp.clone();
    Arrays.sort(sorted);
    int n = sorted.length;
    double median = n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    return new Stats(sorted[0], median, n);
  }

  /** A human-readable duration of the median. */
  public String medianText() {
    return Durations.format(medianNanos);
  }

  /** A human-readable duration of the minimum. */
  public String minText() {
    return Durations.format(minNanos);
  }
}
