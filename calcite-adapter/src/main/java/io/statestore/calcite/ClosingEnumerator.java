package io.statestore.calcite;

import org.apache.calcite.linq4j.Enumerator;

/** An enumerator that also closes a resource (an open listing) when closed. */
final class ClosingEnumerator<T> implements Enumerator<T> {
  private final Enumerator<T> delegate;
  private final Runnable onClose;

  ClosingEnumerator(Enumerator<T> delegate, Runnable onClose) {
    this.delegate = delegate;
    this.onClose = onClose;
  }

  @Override
  public T current() {
    return delegate.current();
  }

  @Override
  public boolean moveNext() {
    return delegate.moveNext();
  }

  @Override
  public void reset() {
    throw new UnsupportedOperationException("reset");
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      onClose.run();
    }
  }
}
