package io.statestore.testkit;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StoredObject;
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

  /** Forgets what was counted so far. */
  public void reset() {
    stateReads.set(0);
    listedStatePrefixes.clear();
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    if (kind == ObjectKind.STATE) {
      stateReads.incrementAndGet();
    }
    return super.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    if (kind == ObjectKind.STATE) {
      listedStatePrefixes.add(prefix);
    }
    return super.list(kind, prefix);
  }
}
