package io.statestore.bench;

/** Keeps measured results alive so that no measured work can be optimised away. */
public final class Sink {
  private static volatile long total;

  private Sink() {}

  /** Consumes a value. */
  public static void consume(long value) {
    total += value;
  }

  /** Consumes a string (its length). */
  public static void consume(String value) {
    total += value == null ? 0 : value.length();
  }

  /** What was consumed so far. */
  public static long total() {
    return total;
  }
}
