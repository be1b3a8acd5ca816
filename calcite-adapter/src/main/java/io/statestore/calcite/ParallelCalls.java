package io.statestore.calcite;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionService;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;

/**
 * Runs the store calls of one statement's batch, one per row (its existence check, or its write),
 * up to a window at once, so that a batch against a store with network latency takes about {@code
 * rows / window} round trips instead of {@code rows}. Each write still takes its own state's lock.
 * After the first failure no further call starts; those already running finish, so that the caller
 * knows exactly which rows were written and can undo them. A window of 1, or a batch of one row,
 * runs on the caller's thread.
 */
final class ParallelCalls {

  /**
   * What a batch did: each row's result in row order ({@code null} for a row that failed or never
   * started), and the first failure, if any, with later ones added to it as suppressed.
   *
   * @param <T> a write's result
   */
  record Outcome<T>(List<T> results, RuntimeException failure) {}

  private ParallelCalls() {}

  /** Runs the writes, at most {@code window} at a time. */
  static <T> Outcome<T> run(List<Callable<T>> writes, int window) {
    List<T> results = new ArrayList<>(Collections.nCopies(writes.size(), null));
    if (window <= 1 || writes.size() <= 1) {
      for (int i = 0; i < writes.size(); i++) {
        try {
          results.set(i, writes.get(i).call());
        } catch (RuntimeException e) {
          return new Outcome<>(results, e);
        } catch (Exception e) {
          return new Outcome<>(results, StoreRequests.failure(new ExecutionException(e)));
        }
      }
      return new Outcome<>(results, null);
    }
    CompletionService<Integer> done = new ExecutorCompletionService<>(StoreRequests.POOL);
    RuntimeException failure = null;
    int next = 0;
    int running = 0;
    while (next < writes.size() || running > 0) {
      while (failure == null && next < writes.size() && running < window) {
        int row = next++;
        Callable<T> write = writes.get(row);
        done.submit(
            () -> {
              results.set(row, write.call());
              return row;
            });
        running++;
      }
      if (running == 0) {
        break;
      }
      failure = add(failure, take(done));
      running--;
    }
    return new Outcome<>(results, failure);
  }

  /** The failure of the next write to finish, or {@code null} when it succeeded. */
  private static RuntimeException take(CompletionService<Integer> done) {
    try {
      done.take().get();
      return null;
    } catch (ExecutionException e) {
      return StoreRequests.failure(e);
    } catch (InterruptedException e) {
      return StoreRequests.interrupted("writing a batch", e);
    }
  }

  private static RuntimeException add(RuntimeException first, RuntimeException next) {
    if (first == null) {
      return next;
    }
    if (next != null && next != first) {
      first.addSuppressed(next);
    }
    return first;
  }
}
