package io.statestore.testkit;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ForwardingBackend;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A backend whose reads or writes fail on demand, as those of a store that is down, times out,
 * refuses access, runs out of space or holds a torn object would; everything else goes to the real
 * backend it wraps. Faults are switched on and off while the test runs. Thread-safe.
 *
 * <pre>{@code
 * FaultyBackend store = new FaultyBackend(myBackend);
 * store.failWrites(ObjectKind.STATE, ErrorKind.UNAVAILABLE, "the store is down");
 * // ... check what the code under test reports ...
 * store.clear();
 * }</pre>
 *
 * <p>{@link FaultyBackendProvider} makes one reachable by a URI such as {@code
 * faulty:file:///tmp/store}.
 */
public class FaultyBackend extends ForwardingBackend {
  private final AtomicInteger failedWrites = new AtomicInteger();
  private volatile WriteFault writeFault;
  private volatile ReadFault readFault;

  private record WriteFault(ObjectKind objectKind, ErrorKind errorKind, String message) {}

  private record ReadFault(ObjectKind objectKind, RuntimeException failure) {}

  /**
   * Wraps a backend; no fault is on.
   *
   * @param delegate the backend that holds the objects
   */
  public FaultyBackend(StateBackend delegate) {
    super(delegate);
  }

  /**
   * Makes every write and delete of {@code objectKind} objects fail, until {@link #clear()}, with a
   * {@link StateStoreException} of {@code errorKind} whose message is {@code message} followed by
   * the store's description.
   */
  public void failWrites(ObjectKind objectKind, ErrorKind errorKind, String message) {
    writeFault =
        new WriteFault(
            Objects.requireNonNull(objectKind, "objectKind"),
            Objects.requireNonNull(errorKind, "errorKind"),
            message);
  }

  /**
   * Makes every read of {@code objectKind} objects throw {@code failure} as it is, until {@link
   * #clear()}: a {@link StateStoreException} for a failure the backend reports, any other exception
   * for a bug in it.
   */
  public void failReads(ObjectKind objectKind, RuntimeException failure) {
    readFault =
        new ReadFault(
            Objects.requireNonNull(objectKind, "objectKind"),
            Objects.requireNonNull(failure, "failure"));
  }

  /** Lets reads and writes through again. */
  public void clear() {
    writeFault = null;
    readFault = null;
  }

  /** How many writes and deletes failed so far. */
  public int failedWrites() {
    return failedWrites.get();
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    ReadFault fault = readFault;
    if (fault != null && fault.objectKind() == kind) {
      throw fault.failure();
    }
    return super.read(stateId, kind);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    maybeFailWrite(kind);
    return super.write(stateId, kind, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    maybeFailWrite(kind);
    return super.delete(stateId, kind, precondition);
  }

  private void maybeFailWrite(ObjectKind kind) {
    WriteFault fault = writeFault;
    if (fault != null && fault.objectKind() == kind) {
      failedWrites.incrementAndGet();
      throw new StateStoreException(fault.errorKind(), fault.message() + " (" + describe() + ")");
    }
  }

  /** {@code faulty } and the wrapped store's description. */
  @Override
  public String describe() {
    return "faulty " + super.describe();
  }
}
