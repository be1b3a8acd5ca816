package io.statestore.core.objectstore;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * An iterator that finds each element one step ahead, when it is first asked whether there is one,
 * so that a listing requests its next page only when the stream reaches it.
 *
 * @param <T> the element type
 */
abstract class Lookahead<T> implements Iterator<T> {
  private T next;

  /** Finds the next element; {@code null} when there is none, now and from then on. */
  protected abstract T advance();

  @Override
  public final boolean hasNext() {
    if (next == null) {
      next = advance();
    }
    return next != null;
  }

  @Override
  public final T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    T out = next;
    next = null;
    return out;
  }
}
