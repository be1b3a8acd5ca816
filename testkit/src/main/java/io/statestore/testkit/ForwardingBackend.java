package io.statestore.testkit;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link StateBackend} that passes every call on to another one. Extend it to observe or alter
 * some calls of a real backend in a test and leave the rest as they are, as {@link CountingBackend}
 * and {@link FaultyBackend} do.
 */
public class ForwardingBackend implements StateBackend {
  private final StateBackend delegate;

  /**
   * Wraps a backend.
   *
   * @param delegate the backend every call goes to
   */
  public ForwardingBackend(StateBackend delegate) {
    this.delegate = Objects.requireNonNull(delegate, "delegate");
  }

  /** The backend every call goes to. */
  public final StateBackend delegate() {
    return delegate;
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    return delegate.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return delegate.list(kind, prefix);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    return delegate.write(stateId, kind, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    return delegate.delete(stateId, kind, precondition);
  }

  @Override
  public StateIdRule idRule() {
    return delegate.idRule();
  }

  @Override
  public String describe() {
    return delegate.describe();
  }

  /** Closes the wrapped backend. */
  @Override
  public void close() {
    delegate.close();
  }

  @Override
  public String toString() {
    return describe();
  }
}
