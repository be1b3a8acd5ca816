package io.statestore.core;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Optional;

/**
 * The content of a lock object, as Meltano writes it: the UTC epoch time in seconds as Python
 * prints a float, e.g. {@code 1723058800.123456}, with no newline.
 */
public final class LockTimestamps {
  private LockTimestamps() {}

  /** Renders an instant at microsecond precision, e.g. {@code 1723058800.1234} or {@code 5.0}. */
  public static byte[] format(Instant at) {
    long seconds = at.getEpochSecond();
    int micros = at.getNano() / 1000;
    String fraction = String.format("%06d", micros).replaceFirst("0+$", "");
    String text = seconds + "." + (fraction.isEmpty() ? "0" : fraction);
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  /**
   * The latest time a lock may name: the end of year 9999 UTC. Anything later (or before the epoch)
   * is not a time Meltano or statestore wrote, and is treated like content that is not a number.
   */
  static final long MAX_EPOCH_SECONDS = 253_402_300_799L;

  /**
   * Parses lock content; empty when it is not a sane epoch-seconds value: not a number (a torn or
   * foreign lock), or before the epoch or after {@link #MAX_EPOCH_SECONDS}. Callers then age the
   * lock by its object's modification time.
   */
  public static Optional<Instant> parse(byte[] content) {
    if (content == null || content.length > 64) {
      return Optional.empty();
    }
    try {
      String text = new String(content, StandardCharsets.US_ASCII).strip();
      BigDecimal value = new BigDecimal(text);
      if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECONDS)) > 0) {
        return Optional.empty();
      }
      long seconds = value.longValue();
      long nanos = value.subtract(BigDecimal.valueOf(seconds)).movePointRight(9).longValue();
      return Optional.of(Instant.ofEpochSecond(seconds, nanos));
    } catch (NumberFormatException | ArithmeticException | DateTimeException e) {
      return Optional.empty();
    }
  }
}
