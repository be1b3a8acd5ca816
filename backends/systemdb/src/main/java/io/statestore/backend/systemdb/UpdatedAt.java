package io.statestore.backend.systemdb;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code updated_at} column as Meltano writes it: the naive local time of the writing machine
 * ({@code onupdate=datetime.now}), to the microsecond, as a {@code TIMESTAMP}/{@code DATETIME}
 * without zone. On SQLite, SQLAlchemy stores it as the text {@code 2024-01-31 12:34:56.123456}.
 *
 * <p>Writes use the same wall-clock time in {@link #zone}; reads interpret a value without zone in
 * that zone, so a row written by Meltano on a machine in the same zone reads as the right instant.
 * A value that cannot be read gives {@code null}, never a failed read.
 */
final class UpdatedAt {
  private static final Logger LOG = LoggerFactory.getLogger(UpdatedAt.class);

  /** SQLAlchemy's SQLite DATETIME storage format. */
  private static final DateTimeFormatter SQLITE_TEXT =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  /** Lenient parsing: {@code T} or space, optional seconds, fraction and offset. */
  private static final DateTimeFormatter LENIENT =
      new DateTimeFormatterBuilder()
          .parseCaseInsensitive()
          .append(DateTimeFormatter.ISO_LOCAL_DATE)
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .appendValue(ChronoField.HOUR_OF_DAY, 2)
          .appendLiteral(':')
          .appendValue(ChronoField.MINUTE_OF_HOUR, 2)
          .optionalStart()
          .appendLiteral(':')
          .appendValue(ChronoField.SECOND_OF_MINUTE, 2)
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HH:MM", "Z")
          .optionalEnd()
          .optionalStart()
          .appendOffset("+HHMM", "Z")
          .optionalEnd()
          .toFormatter();

  private final Dialect dialect;
  private final Clock clock;

  /**
   * @param dialect how the column is stored
   * @param clock the clock and zone of the local time written and read
   */
  UpdatedAt(Dialect dialect, Clock clock) {
    this.dialect = dialect;
    this.clock = clock;
  }

  /** The zone naive values are written and read in. */
  ZoneId zone() {
    return clock.getZone();
  }

  /** Now, as Meltano's {@code datetime.now()}: local wall-clock time to the microsecond. */
  LocalDateTime now() {
    return LocalDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
  }

  /** Binds a wall-clock time to a parameter in the column's storage format. */
  void bind(PreparedStatement ps, int index, LocalDateTime value) throws SQLException {
    switch (dialect) {
      case SQLITE -> ps.setString(index, SQLITE_TEXT.format(value));
      case GENERIC -> ps.setTimestamp(index, Timestamp.valueOf(value));
      default -> ps.setObject(index, value);
    }
  }

  /** The instant a wall-clock time written by {@link #bind} stands for. */
  Instant toInstant(LocalDateTime value) {
    return value.atZone(zone()).toInstant();
  }

  /** Reads the column, {@code null} when NULL or unreadable. */
  Instant read(ResultSet rs, int column) throws SQLException {
    Object value = rs.getObject(column);
    if (value == null) {
      return null;
    }
    try {
      return toInstant(value);
    } catch (DateTimeException | IllegalArgumentException | UnsupportedOperationException e) {
      LOG.debug("Ignoring an unreadable updated_at value of type {}", value.getClass(), e);
      return null;
    }
  }

  private Instant toInstant(Object value) {
    if (value instanceof Timestamp t) {
      return t.toLocalDateTime().atZone(zone()).toInstant();
    }
    if (value instanceof LocalDateTime t) {
      return t.atZone(zone()).toInstant();
    }
    if (value instanceof OffsetDateTime t) {
      return t.toInstant();
    }
    if (value instanceof java.util.Date d) {
      return d.toInstant();
    }
    if (value instanceof Number n) {
      // sqlite-jdbc's own default for java.sql.Timestamp values: epoch milliseconds.
      return Instant.ofEpochMilli(n.longValue());
    }
    return parse(value.toString().strip());
  }

  private Instant parse(String text) {
    TemporalAccessor parsed = LENIENT.parse(text);
    LocalDateTime local =
        LocalDateTime.of(
            LocalDate.from(parsed),
            LocalTime.of(
                parsed.get(ChronoField.HOUR_OF_DAY),
                parsed.get(ChronoField.MINUTE_OF_HOUR),
                parsed.isSupported(ChronoField.SECOND_OF_MINUTE)
                    ? parsed.get(ChronoField.SECOND_OF_MINUTE)
                    : 0,
                parsed.isSupported(ChronoField.NANO_OF_SECOND)
                    ? parsed.get(ChronoField.NANO_OF_SECOND)
                    : 0));
    if (parsed.isSupported(ChronoField.OFFSET_SECONDS)) {
      return local.toInstant(ZoneOffset.ofTotalSeconds(parsed.get(ChronoField.OFFSET_SECONDS)));
    }
    return local.atZone(zone()).toInstant();
  }
}
