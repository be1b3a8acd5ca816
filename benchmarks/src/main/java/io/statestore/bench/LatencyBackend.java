package io.statestore.bench;

import io.statestore.spi.ForwardingBackend;
import io.statestore.spi.StateBackend;
import java.util.concurrent.locks.LockSupport;

/**
 * A store as far away as a cloud store: every request to the store it wraps (a read, a conditional
 * write, a delete, a listing) first waits a fixed round trip, and it asks for the object stores'
 * default of 16 requests in flight. Requests in flight at once wait side by side, as on a network.
 */
public final class LatencyBackend extends ForwardingBackend {
  private final long delayNanos;

  /** Wraps {@code inner}, delaying each request by {@code delayNanos}. */
  public LatencyBackend(StateBackend inner, long delayNanos) {
    super(inner);
    this.delayNanos = delayNanos;
  }

  /** Waits one round trip before each read, write, delete or listing. */
  @Override
  protected void beforeRequest(Request request) {
    long until = System.nanoTime() + delayNanos;
    for (long left = delayNanos; left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public int parallelRequests() {
    return 16;
  }

  @Override
  public String describe() {
    return "latency " + (delayNanos / 1_000_000) + " ms over " + delegate().describe();
  }

  @Override
  public void close() {
    // the wrapped memory store lives as long as the JVM
  }
}
