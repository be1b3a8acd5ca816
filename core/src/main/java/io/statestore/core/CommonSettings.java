package io.statestore.core;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import java.math.BigDecimal;
import java.time.Duration;
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

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL =
      List.of(LOCK_TIMEOUT_SECONDS, LOCK_RETRY_SECONDS, LOCK_WAIT_SECONDS, MAX_BODY_BYTES);

  private CommonSettings() {}

  static Duration seconds(Settings settings, SettingDefinition def) {
    BigDecimal s = settings.findDecimal(def).orElse(BigDecimal.ZERO);
    return Duration.ofNanos(s.movePointRight(9).longValue());
  }
}
