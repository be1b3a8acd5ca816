package io.statestore.backend.gcs;

import io.statestore.core.objectstore.RequestTimeouts;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.time.Duration;

/**
 * How the backend talks to Cloud Storage: page size of listings, and retries and timeouts kept
 * modest so a dead endpoint fails within seconds rather than minutes.
 *
 * @param pageSize objects per listing page (Cloud Storage's maximum is 1,000)
 * @param maxAttempts attempts per request, the first included
 * @param retryDelay the delay before the first retry; it doubles for each further one
 * @param maxRetryDelay the longest delay between two attempts
 * @param totalTimeout the longest time all attempts of one request may take together
 * @param connectTimeout the longest wait for a TCP connection
 * @param readTimeout the longest wait for data on an open connection
 */
record GcsClientOptions(
    int pageSize,
    int maxAttempts,
    Duration retryDelay,
    Duration maxRetryDelay,
    Duration totalTimeout,
    Duration connectTimeout,
    Duration readTimeout) {

  /** The options used in production. */
  static GcsClientOptions defaults() {
    return new GcsClientOptions(
        1_000,
        3,
        Duration.ofMillis(250),
        Duration.ofSeconds(2),
        Duration.ofSeconds(120),
        Duration.ofSeconds(10),
        Duration.ofSeconds(30));
  }

  /**
   * A copy with the timeouts of a store's settings: {@code gcs.connect_timeout_seconds} and {@code
   * gcs.read_timeout_seconds}. All attempts of one request together may take as long as three
   * attempts that each connect and then wait for their answer.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming a setting that is
   *     not a number of seconds above 0 and at most a day
   */
  GcsClientOptions withTimeouts(Settings settings) {
    Duration connect = RequestTimeouts.of(settings, GcsSettings.CONNECT_TIMEOUT_SECONDS);
    Duration read = RequestTimeouts.of(settings, GcsSettings.READ_TIMEOUT_SECONDS);
    Duration total = connect.plus(read).multipliedBy(maxAttempts).plus(maxRetryDelay);
    return new GcsClientOptions(
        pageSize, maxAttempts, retryDelay, maxRetryDelay, total, connect, read);
  }

  /** A copy with another listing page size. */
  GcsClientOptions withPageSize(int size) {
    return new GcsClientOptions(
        size, maxAttempts, retryDelay, maxRetryDelay, totalTimeout, connectTimeout, readTimeout);
  }

  /** A copy with other delays between attempts (tests shorten them). */
  GcsClientOptions withRetryDelays(Duration first, Duration longest) {
    return new GcsClientOptions(
        pageSize, maxAttempts, first, longest, totalTimeout, connectTimeout, readTimeout);
  }
}
