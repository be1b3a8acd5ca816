package io.statestore.jdbc.reliability;

/**
 * Sizes heavy tests: full size by default, scaled by the system property {@value #PROPERTY} (e.g.
 * {@code -Dstatestore.test.scale=0.1} on CI), never below a floor that keeps the test meaningful.
 */
public final class Scale {
  /** The system property holding the factor. */
  public static final String PROPERTY = "statestore.test.scale";

  private Scale() {}

  /** The factor in force. */
  public static double factor() {
    return Double.parseDouble(System.getProperty(PROPERTY, "1"));
  }

  /** {@code base} scaled, at least {@code min}. */
  public static int of(int base, int min) {
    return Math.max(min, (int) Math.round(base * factor()));
  }
}
