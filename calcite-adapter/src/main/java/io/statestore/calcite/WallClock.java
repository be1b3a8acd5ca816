package io.statestore.calcite;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The value of a {@code TIMESTAMP} column (without time zone) for an instant: the wall-clock time
 * the instant shows in a zone, in the engine's representation of such a value (milliseconds since
 * 1970-01-01 00:00 of that wall clock, as if it were UTC). The JDBC layer then gives it back as
 * that same wall-clock time through {@code getTimestamp}, {@code getString} and {@code getObject}.
 */
final class WallClock {
  private WallClock() {}

  /** The column value of {@code at} seen in {@code zone}; {@code null} for {@code null}. */
  static Long millis(Instant at, ZoneId zone) {
    if (at == null) {
      return null;
    }
    return LocalDateTime.ofInstant(at, zone).toInstant(ZoneOffset.UTC).toEpochMilli();
  }
}
