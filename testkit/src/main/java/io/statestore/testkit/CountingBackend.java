package io.statestore.testkit;

import io.statestore.spi.ForwardingBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A backend that records what is asked of another one, so that a test can prove how much of the
 * store a query or a command touched: how many state bodies it read and which prefixes it listed
 * states by. Locks are passed on without being counted. Thread-safe.
 *
 * <pre>{@code
 * CountingBackend store = new CountingBackend(myBackend);
 * // ... run the code under test against store ...
 * assertEquals(1, store.stateReads());
 * assertEquals(List.of("prod:"), store.listedStatePrefixes());
 * }</pre>
 *
 * <p>{@link CountingBackendProvider} makes one reachable by a URI such as {@code
 * counting:memory:name}.
 */
public class CountingBackend extends ForwardingBackend {
  private final AtomicInteger stateReads = new AtomicInteger();
  private final List<String> listedStatePrefixes = new CopyOnWriteArrayList<>();
  private final InFlight writes = new InFlight();
  private final InFlight reads = new InFlight();

  /**
   * Wraps a backend.
   *
   * @param delegate the backend that holds the objects
   */
  public CountingBackend(StateBackend delegate) {
    super(delegate);
  }

  /** How many times a state (not a lock) was read since creation or {@link #reset()}. */
  public int stateReads() {
    return stateReads.get();
  }

  /**
   * The prefixes states (not locks) were listed by since creation or {@link #reset()}, in call
   * order ({@code ""} for a full listing).
   */
  public List<String> listedStatePrefixes() {
    return List.copyOf(listedStatePrefixes);
  }

  /**
   * Makes each of the next {@code writers} state writes wait until {@code writers} state writes are
   * in flight at once, or until {@code atMost} has passed, so that a test sees how many writes the
   * code under test runs at once ({@link #mostConcurrentStateWrites()}) without depending on
   * timing.
   */
  public void holdStateWrites(int writers, Duration atMost) {
    writes.hold(writers, atMost);
  }

  /** The most state writes that were in flight at once since creation or {@link #reset()}. */
  public int mostConcurrentStateWrites() {
    return writes.most();
  }

  /** As {@link #holdStateWrites}, for state reads. */
  public void holdStateReads(int readers, Duration atMost) {
    reads.hold(readers, atMost);
  }

  /** The most state reads that were in flight at once since creation or {@link #reset()}. */
  public int mostConcurrentStateReads() {
    return reads.most();
  }

  /** Forgets what was counted so far. */
  public void reset() {
    stateReads.set(0);
    listedStatePrefixes.clear();
    writes.reset();
    reads.reset();
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    if (kind != ObjectKind.STATE) {
      return super.read(stateId, kind);
    }
    stateReads.incrementAndGet();
    return reads.run(() -> super.read(stateId, kind));
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    if (kind != ObjectKind.STATE) {
      return super.write(stateId, kind, content, precondition);
    }
    return writes.run(() -> super.write(stateId, kind, content, precondition));
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    if (kind == ObjectKind.STATE) {
      listedStatePrefixes.add(prefix);
    }
    return super.list(kind, prefix);
  }
}
