package io.statestore.backend.azure;

import io.statestore.core.objectstore.RequestTimeouts;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.time.Duration;

/**
 * How the backend talks to Azure: page size of listings, and retries and timeouts kept modest so a
 * dead endpoint fails within seconds rather than minutes.
 *
 * @param pageSize blobs per listing page (Azure's maximum is 5,000)
 * @param maxTries attempts per request, the first included
 * @param tryTimeout the longest the answer to one attempt may take, body transfer included
 * @param retryDelay the delay before the first retry; it doubles for each further one
 * @param maxRetryDelay the longest delay between two attempts
 * @param connectTimeout the longest wait for a TCP connection
 */
record AzureClientOptions(
    int pageSize,
    int maxTries,
    Duration tryTimeout,
    Duration retryDelay,
    Duration maxRetryDelay,
    Duration connectTimeout) {

  /** The options used in production. */
  static AzureClientOptions defaults() {
    return new AzureClientOptions(
        5_000,
        3,
        Duration.ofSeconds(30),
        Duration.ofMillis(250),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10));
  }

  /**
   * A copy with the timeouts of a store's settings: {@code azure.connect_timeout_seconds} and
   * {@code azure.read_timeout_seconds}.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming a setting that is
   *     not a number of seconds above 0 and at most a day
   */
  AzureClientOptions withTimeouts(Settings settings) {
    return new AzureClientOptions(
        pageSize,
        maxTries,
        RequestTimeouts.of(settings, AzureSettings.READ_TIMEOUT_SECONDS),
        retryDelay,
        maxRetryDelay,
        RequestTimeouts.of(settings, AzureSettings.CONNECT_TIMEOUT_SECONDS));
  }

  /** A copy with another listing page size. */
  AzureClientOptions withPageSize(int size) {
    return new AzureClientOptions(
        size, maxTries, tryTimeout, retryDelay, maxRetryDelay, connectTimeout);
  }
}
