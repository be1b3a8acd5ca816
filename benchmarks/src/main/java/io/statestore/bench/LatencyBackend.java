package io.statestore.bench;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;

/**
 * A store as far away as a cloud store: every request to the store it wraps (a read, a conditional
 * write, a delete, a listing) first waits a fixed round trip, and it asks for the object stores'
 * default of 16 requests in flight. Requests in flight at once wait side by side, as on a network.
 */
public final class LatencyBackend implements StateBackend {
  private final StateBackend inner;
  private final long delayNanos;

  /** Wraps {@code inner}, delaying each request by {@code delayNanos}. */
  public LatencyBackend(StateBackend inner, long delayNanos) {
    this.inner = inner;
    this.delayNanos = delayNanos;
  }

  private void roundTrip() {
    long until = System.nanoTime() + delayNanos;
    for (long left = delayNanos; left > 0; left = until - System.nanoTime()) {
      LockSupport.parkNanos(left);
    }
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    roundTrip();
    return inner.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    roundTrip();
    return inner.list(kind, prefix);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    roundTrip();
    return inner.write(stateId, kind, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    roundTrip();
    return inner.delete(stateId, kind, precondition);
  }

  @Override
  public StateIdRule idRule() {
    return inner.idRule();
  }

  @Override
  public int parallelRequests() {
    return 16;
  }

  @Override
  public String describe() {
    return "latency " + (delayNanos / 1_000_000) + " ms over " + inner.describe();
  }

  @Override
  public void close() {
    // the wrapped memory store lives as long as the JVM
  }
}
