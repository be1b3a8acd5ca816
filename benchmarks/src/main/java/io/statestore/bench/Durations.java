package io.statestore.bench;

import java.util.Locale;

/** Formats nanosecond durations for the result table. */
public final class Durations {
  private Durations() {}

  /** {@code 12.3 µs}, {@code 4.56 ms}, {@code 1.23 s}. */
  public static String format(double nanos) {
    if (nanos < 1_000) {
      return String.format(Locale.ROOT, "%.0f ns", nanos);
    }
    if (nanos < 1_000_000) {
      return String.format(Locale.ROOT, "%.1f µs", nanos / 1e3);
    }
    if (nanos < 1_000_000_000) {
      return String.format(Locale.ROOT, "%.2f ms", nanos / 1e6);
    }
    return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
  }
}
