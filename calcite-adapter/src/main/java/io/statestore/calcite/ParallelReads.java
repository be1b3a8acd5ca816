package io.statestore.calcite;

import io.statestore.core.ReadWarnings;
import io.statestore.core.WarningScope;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Reads ahead of the rows that need them, up to a window at once, in the order of the ids given: a
 * scan of a store with network latency then takes about {@code states / window} round trips, and
 * holds at most {@code window} bodies in memory. Warnings of the reads go to the statement's
 * collector, whichever thread reads. Closing it stops the reading ahead.
 *
 * @param <T> what a read gives
 */
final class ParallelReads<T> implements Iterator<T>, AutoCloseable {
  private final Iterator<String> ids;
  private final Function<String, T> read;
  private final int window;
  private final ReadWarnings warnings = ReadWarnings.current();
  private final Deque<Future<T>> ahead = new ArrayDeque<>();

  ParallelReads(Iterator<String> ids, int window, Function<String, T> read) {
    this.ids = ids;
    this.window = Math.max(1, window);
    this.read = read;
  }

  @Override
  public boolean hasNext() {
    fill();
    return !ahead.isEmpty();
  }

  @Override
  public T next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Future<T> head = ahead.removeFirst();
    fill();
    try {
      return head.get();
    } catch (ExecutionException e) {
      throw StoreRequests.failure(e);
    } catch (InterruptedException e) {
      throw StoreRequests.interrupted("reading states", e);
    }
  }

  private void fill() {
    while (ahead.size() < window && ids.hasNext()) {
      String id = ids.next();
      ahead.addLast(StoreRequests.POOL.submit(() -> readAs(id)));
    }
  }

  private T readAs(String id) {
    if (warnings == null) {
      return read.apply(id);
    }
    try (WarningScope scope = warnings.enter()) {
      return read.apply(id);
    }
  }

  /** Stops reading ahead: reads already sent finish, and their results are dropped. */
  @Override
  public void close() {
    for (Future<T> f : ahead) {
      f.cancel(false);
    }
    ahead.clear();
  }
}
