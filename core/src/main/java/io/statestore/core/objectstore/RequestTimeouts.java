package io.statestore.core.objectstore;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The two timeouts every object store has, {@code <scheme>.connect_timeout_seconds} (10 s) and
 * {@code <scheme>.read_timeout_seconds} (30 s): their setting definitions and their reading as a
 * {@link Duration}, checked to lie above 0 and at most a day.
 */
public final class RequestTimeouts {
  private static final BigDecimal A_DAY = BigDecimal.valueOf(86_400);

  private RequestTimeouts() {}

  /** The longest wait for a connection to the store: {@code <prefix>.connect_timeout_seconds}. */
  public static SettingDefinition connectTimeout(String prefix) {
    return SettingDefinition.builder(prefix + ".connect_timeout_seconds", SettingKind.DECIMAL)
        .label("Connect timeout (s)")
        .description("Seconds to wait for a connection to the store before giving up.")
        .defaultValue("10")
        .build();
  }

  /**
   * The longest wait for the store's answer to one request: {@code <prefix>.read_timeout_seconds}.
   */
  public static SettingDefinition readTimeout(String prefix) {
    return SettingDefinition.builder(prefix + ".read_timeout_seconds", SettingKind.DECIMAL)
        .label("Read timeout (s)")
        .description(
            "Seconds to wait for the store's answer to one request (each retry waits again).")
        .defaultValue("30")
        .build();
  }

  /**
   * The value of a timeout setting (its default when unset).
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming the setting when it
   *     is not a number of seconds above 0 and at most 86400
   */
  public static Duration of(Settings settings, SettingDefinition def) {
    BigDecimal s = settings.findDecimal(def).orElseThrow();
    if (s.signum() <= 0 || s.compareTo(A_DAY) > 0) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '" + def.key() + "' must be a number of seconds above 0 and at most 86400");
    }
    return Duration.ofMillis(Math.max(1, s.movePointRight(3).longValue()));
  }
}
