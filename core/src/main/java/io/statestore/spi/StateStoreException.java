package io.statestore.spi;

import java.util.Objects;

/**
 * The one exception type of statestore. It carries an {@link ErrorKind}; the cause is always kept.
 *
 * <p>Messages must name the state id, URI (redacted) or setting at fault, and must never contain a
 * secret: build them from {@link StoreLocation#redacted()} and setting keys, never from values of
 * sensitive settings.
 */
public class StateStoreException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorKind kind;

  public StateStoreException(ErrorKind kind, String message) {
    this(kind, message, null);
  }

  public StateStoreException(ErrorKind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = Objects.requireNonNull(kind, "kind");
  }

  /** The category of this failure. */
  public ErrorKind kind() {
    return kind;
  }

  @Override
  public String toString() {
    return "StateStoreException[" + kind + "]: " + getMessage();
  }
}
