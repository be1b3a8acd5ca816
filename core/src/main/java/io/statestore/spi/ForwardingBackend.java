package io.statestore.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A {@link StateBackend} that passes every call on to another one. Extend it to observe, delay or
 * alter some calls of a real backend and leave the rest as they are: override {@link
 * #beforeRequest(Request)} to act before each request reaches the store, or the calls themselves.
 * The testkit's counting and fault-injecting backends are built on it.
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

  /** The four requests that reach the store. */
  public enum Request {
    /** {@link StateBackend#read}. */
    READ,
    /** {@link StateBackend#list}. */
    LIST,
    /** {@link StateBackend#write}. */
    WRITE,
    /** {@link StateBackend#delete}. */
    DELETE
  }

  /**
   * Runs before each request is passed on, on the caller's thread; does nothing unless overridden.
   * An exception thrown here ends the request without reaching the store.
   *
   * @param request which request is about to be passed on
   */
  protected void beforeRequest(Request request) {}

  /** The backend every call goes to. */
  public final StateBackend delegate() {
    return delegate;
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    beforeRequest(Request.READ);
    return delegate.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    beforeRequest(Request.LIST);
    return delegate.list(kind, prefix);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    beforeRequest(Request.WRITE);
    return delegate.write(stateId, kind, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    beforeRequest(Request.DELETE);
    return delegate.delete(stateId, kind, precondition);
  }

  @Override
  public StateIdRule idRule() {
    return delegate.idRule();
  }

  @Override
  public int parallelRequests() {
    return delegate.parallelRequests();
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
