package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;

/** The settings every store has, whatever its backend. */
public final class CommonSettings {
  /** Seconds after which a lock is stale and may be taken over (Meltano's default: 10). */
  public static final SettingDefinition LOCK_TIMEOUT_SECONDS =
      SettingDefinition.builder("lock_timeout_seconds", SettingKind.DECIMAL)
          .label("Lock timeout (s)")
          .description(
              "A lock older than this many seconds is stale and may be taken over, as in Meltano.")
          .defaultValue("10")
          .build();

  /** Seconds between two attempts to take a held lock (Meltano's default: 1). */
  public static final SettingDefinition LOCK_RETRY_SECONDS =
      SettingDefinition.builder("lock_retry_seconds", SettingKind.DECIMAL)
          .label("Lock retry (s)")
          .description("Seconds to wait between two attempts to take a lock that is held.")
          .defaultValue("1")
          .build();

  /** The longest a write waits for a lock before failing (a query timeout may cut it shorter). */
  public static final SettingDefinition LOCK_WAIT_SECONDS =
      SettingDefinition.builder("lock_wait_seconds", SettingKind.DECIMAL)
          .label("Lock wait (s)")
          .description(
              "The longest a write waits for a held lock before failing; 0 waits without limit."
                  + " A statement's query timeout may cut it shorter.")
          .defaultValue("60")
          .build();

  /** The largest state document accepted, in bytes. */
  public static final SettingDefinition MAX_BODY_BYTES =
      SettingDefinition.builder("max_body_bytes", SettingKind.INT)
          .label("Largest body (bytes)")
          .description("The largest state document accepted by a write, in bytes (64 MiB).")
          .defaultValue(String.valueOf(64L * 1024 * 1024))
          .build();

  /** The value of {@link #FALLBACK_DIR} that turns fallback files off. */
  public static final String FALLBACK_OFF = "off";

  /**
   * Where a body is kept when the store fails to take it (unreachable, timed out, refused), so that
   * a failed write never loses the state; relative paths are resolved against the working
   * directory.
   */
  public static final SettingDefinition FALLBACK_DIR =
      SettingDefinition.builder("fallback_dir", SettingKind.PATH)
          .label("Fallback directory")
          .description(
              "When the store fails to take a write (unreachable, timed out, refused), the body is"
                  + " saved in this directory (relative to the working directory) and the error"
                  + " names the file; push it later with an UPDATE. `"
                  + FALLBACK_OFF
                  + "` disables it.")
          .defaultValue(".statestore/fallback")
          .envVar("STATESTORE_FALLBACK_DIR")
          .build();

  /**
   * The time zone of the wall-clock times {@code updated_at} and {@code locked_at} show, and of the
   * local times a system database's {@code updated_at} is written in; default: the JVM's zone.
   */
  public static final SettingDefinition TIME_ZONE =
      SettingDefinition.builder("time_zone", SettingKind.STRING)
          .label("Time zone")
          .description(
              "The time zone updated_at and locked_at are shown in: they are TIMESTAMP without"
                  + " time zone, a file's or object's modification time as wall-clock time in this"
                  + " zone. A system database's updated_at is shown as stored, and written as local"
                  + " time in this zone, as Meltano writes it. A zone id such as Europe/Berlin, or"
                  + " an offset such as +05:30. Default: the JVM's zone (-Duser.timezone, else TZ,"
                  + " else the system's).")
          .build();

  /**
   * How many states a statement or a copy reads or writes at once; unset: the backend's choice (16
   * for the object stores, 1 for files and databases).
   */
  public static final SettingDefinition PARALLEL_REQUESTS =
      SettingDefinition.builder("parallel_requests", SettingKind.INT)
          .label("Parallel requests")
          .description(
              "How many states a statement or a copy reads or writes at once (writes each under"
                  + " its own lock; reads ahead in id order): a window over a cloud store's latency."
                  + " Default: 16 on S3, Azure and Cloud Storage, 1 on files and databases; 1 goes"
                  + " one state after another.")
          .build();

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL =
      List.of(
          LOCK_TIMEOUT_SECONDS,
          LOCK_RETRY_SECONDS,
          LOCK_WAIT_SECONDS,
          MAX_BODY_BYTES,
          FALLBACK_DIR,
          TIME_ZONE,
          PARALLEL_REQUESTS);

  private CommonSettings() {}

  /**
   * The {@link #PARALLEL_REQUESTS} a store's settings name, 0 when unset.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} for a number below 1
   */
  static int parallelRequests(Settings settings) {
    long n = settings.findLong(PARALLEL_REQUESTS).orElse(0L);
    if (settings.find(PARALLEL_REQUESTS).isPresent() && (n < 1 || n > 256)) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "parallel_requests must be a whole number from 1 to 256, not "
              + settings.find(PARALLEL_REQUESTS).orElse(""));
    }
    return (int) n;
  }

  /** The fallback directory a store's settings name, or {@code null} when it is turned off. */
  static Path fallbackDirectory(Settings settings) {
    String value = settings.find(FALLBACK_DIR).orElse("").trim();
    if (value.isEmpty() || value.equalsIgnoreCase(FALLBACK_OFF)) {
      return null;
    }
    return Path.of(value);
  }

  /**
   * The zone the settings name ({@link #TIME_ZONE}), else the JVM's default zone.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when it names no zone
   */
  public static ZoneId timeZone(Settings settings) {
    String value = settings.find(TIME_ZONE).map(String::strip).orElse("");
    if (value.isEmpty()) {
      return ZoneId.systemDefault();
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '"
              + TIME_ZONE.key()
              + "' must be a time zone id such as Europe/Berlin or UTC, or an offset such as"
              + " +05:30; got '"
              + value
              + "'");
    }
  }

  static Duration seconds(Settings settings, SettingDefinition def) {
    BigDecimal s = settings.findDecimal(def).orElse(BigDecimal.ZERO);
    return Duration.ofNanos(s.movePointRight(9).longValue());
  }
}
