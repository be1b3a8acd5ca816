package io.statestore.backend.azure;

import java.time.Duration;

/**
 * How the backend talks to Azure: page size of listings, and retries and timeouts kept modest so a
 * dead endpoint fails within seconds rather than minutes.
 *
 * @param pageSize blobs per listing page (Azure's maximum is 5,000)
 * @param maxTries attempts per request, the first included
 * @param tryTimeout the longest one attempt may take, body transfer included
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
        Duration.ofSeconds(60),
        Duration.ofMillis(250),
        Duration.ofSeconds(2),
        Duration.ofSeconds(10));
  }

  /** A copy with another listing page size. */
  AzureClientOptions withPageSize(int size) {
    return new AzureClientOptions(
        size, maxTries, tryTimeout, retryDelay, maxRetryDelay, connectTimeout);
  }
}
