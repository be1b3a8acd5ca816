package io.statestore.calcite;

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
}
