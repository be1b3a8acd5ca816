package io.statestore.bench;

import java.util.Locale;

/**
 * A target for a ratio: at most or at least a bound.
 *
 * @param atMost whether the ratio must stay at or below the bound (else at or above it)
 * @param bound the bound
 */
public record Goal(boolean atMost, double bound) {
  /** The ratio must be at most {@code bound}. */
  public static Goal atMost(double bound) {
    return new Goal(true, bound);
  }

  /** The ratio must be at least {@code bound}. */
  public static Goal atLeast(double bound) {
    return new Goal(false, bound);
  }

  /** Whether a ratio meets this goal. */
  public boolean met(double ratio) {
    return atMost ? ratio <= bound : ratio >= bound;
  }

  @Override
  public String toString() {
    return (atMost ? "≤ " : "≥ ") + String.format(Locale.ROOT, "%.4g", bound) + "×";
  }
}
