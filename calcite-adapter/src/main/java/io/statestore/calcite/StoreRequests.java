package io.statestore.calcite;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads that run a statement's store requests beside it when {@code parallel_requests} is
 * above 1: shared by every statement of the JVM, daemon threads, idle ones ending after a minute.
 */
final class StoreRequests {
  private static final AtomicInteger THREADS = new AtomicInteger();

  static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "statestore-request-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private StoreRequests() {}

  /**
   * What a request run on the pool failed with, to be thrown on the statement's thread: its own
   * unchecked exception or error, else a {@link ErrorKind#UNAVAILABLE} store error around it.
   */
  static RuntimeException failure(ExecutionException e) {
    Throwable cause = e.getCause();
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error error) {
      throw error;
    }
    return new StateStoreException(
        ErrorKind.UNAVAILABLE, "A store request failed: " + cause, cause);
  }

  /**
   * The statement's thread was interrupted while it waited for its requests: the interrupt is kept
   * and the statement ends as cancelled.
   */
  static StateStoreException interrupted(String what, InterruptedException e) {
    Thread.currentThread().interrupt();
    return new StateStoreException(ErrorKind.CANCELLED, "Interrupted while " + what, e);
  }
}
