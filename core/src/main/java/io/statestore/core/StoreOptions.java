package io.statestore.core;

import io.statestore.spi.Settings;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;

/**
 * The behaviour of the layer above the backends: lock timing, body limits and where bodies go when
 * the store fails to take them.
 *
 * @param lockTimeout age after which a lock is stale
 * @param lockRetry pause between attempts to take a held lock
 * @param lockWait longest wait for a lock; zero for no limit
 * @param maxBodyBytes largest body accepted
 * @param clock the clock lock timestamps are taken from; its zone is the one {@code updated_at} and
 *     {@code locked_at} are shown in, as wall-clock times ({@link #zone()})
 * @param fallbackDir where a body is saved when the store fails to take it; {@code null} for never
 * @param parallelRequests how many states a statement writes at once; 0 for the backend's choice
 */
public record StoreOptions(
    Duration lockTimeout,
    Duration lockRetry,
    Duration lockWait,
    long maxBodyBytes,
    Clock clock,
    Path fallbackDir,
    int parallelRequests) {

  /**
   * Meltano's defaults: 10 s timeout, 1 s retry; 60 s wait; 64 MiB bodies; the system clock in the
   * JVM's zone; fallback files in {@code .statestore/fallback} of the working directory.
   */
  public static StoreOptions defaults() {
    return new StoreOptions(
        Duration.ofSeconds(10),
        Duration.ofSeconds(1),
        Duration.ofSeconds(60),
        64L * 1024 * 1024,
        Clock.systemDefaultZone(),
        Path.of(CommonSettings.FALLBACK_DIR.defaultValue()),
        0);
  }

  /** Reads the common settings. */
  public static StoreOptions from(Settings settings) {
    return new StoreOptions(
        CommonSettings.seconds(settings, CommonSettings.LOCK_TIMEOUT_SECONDS),
        CommonSettings.seconds(settings, CommonSettings.LOCK_RETRY_SECONDS),
        CommonSettings.seconds(settings, CommonSettings.LOCK_WAIT_SECONDS),
        settings.findLong(CommonSettings.MAX_BODY_BYTES).orElse(64L * 1024 * 1024),
        Clock.system(CommonSettings.timeZone(settings)),
        CommonSettings.fallbackDirectory(settings),
        CommonSettings.parallelRequests(settings));
  }

  /** The zone times are shown in as wall-clock times without zone: the clock's. */
  public ZoneId zone() {
    return clock.getZone();
  }

  /** A copy with another lock timeout and retry pause. */
  public StoreOptions withLockTiming(Duration timeout, Duration retry) {
    return new StoreOptions(
        timeout, retry, lockWait, maxBodyBytes, clock, fallbackDir, parallelRequests);
  }

  /** A copy with another clock. */
  public StoreOptions withClock(Clock newClock) {
    return new StoreOptions(
        lockTimeout, lockRetry, lockWait, maxBodyBytes, newClock, fallbackDir, parallelRequests);
  }

  /** A copy writing {@code n} states at once (0: the backend's choice). */
  public StoreOptions withParallelRequests(int n) {
    return new StoreOptions(lockTimeout, lockRetry, lockWait, maxBodyBytes, clock, fallbackDir, n);
  }

  /** A copy with another fallback directory; {@code null} turns fallback files off. */
  public StoreOptions withFallbackDir(Path dir) {
    return new StoreOptions(
        lockTimeout, lockRetry, lockWait, maxBodyBytes, clock, dir, parallelRequests);
  }
}
