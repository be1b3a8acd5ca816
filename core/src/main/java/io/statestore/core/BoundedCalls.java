package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.util.Iterator;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Runs backend calls that may be given up against a statement's {@link Deadline}: the call runs on
 * a shared pool of daemon threads while the caller waits at most until the deadline (or a cancel).
 * A call given up is not interrupted: it ends by itself within the backend's own connect and read
 * timeouts, and its late result goes to an optional clean-up (a late lock is released) or is
 * dropped. Without a time limit the call runs on the caller's thread, as before.
 */
final class BoundedCalls {
  private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
  private static final long GRACE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);
  private static final AtomicInteger THREADS = new AtomicInteger();
  private static final ExecutorService POOL =
      Executors.newCachedThreadPool(
          r -> {
            Thread t = new Thread(r, "statestore-call-" + THREADS.incrementAndGet());
            t.setDaemon(true);
            return t;
          });

  private BoundedCalls() {}

  /**
   * Runs {@code call}, giving up with {@link ErrorKind#TIMEOUT} when the deadline passes or {@link
   * ErrorKind#CANCELLED} when the statement is cancelled first.
   *
   * @param what what the call does, for messages, e.g. {@code "reading state_id 'a' in s3://b/p"}
   * @param late receives the result of a call that was given up and later succeeded, or {@code
   *     null} to drop it
   */
  static <T> T call(Deadline deadline, String what, Supplier<T> call, Consumer<T> late) {
    if (deadline.remainingNanos() == Long.MAX_VALUE) {
      return call.get();
    }
    deadline.checkCancelled(what);
    CompletableFuture<T> future = CompletableFuture.supplyAsync(call, POOL);
    try {
      while (true) {
        long left = deadline.remainingNanos();
        if (left == 0) {
          break;
        }
        try {
          return future.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
          if (deadline.isCancelled()) {
            abandon(future, late);
            deadline.checkCancelled(what);
          }
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(future, late);
      throw new StateStoreException(ErrorKind.CANCELLED, "Interrupted while " + what, e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new StateStoreException(ErrorKind.UNAVAILABLE, "Failed " + what, e.getCause());
    }
    settleOrAbandon(future, late);
    throw new StateStoreException(
        ErrorKind.TIMEOUT,
        "The statement's query timeout passed while "
            + what
            + "; the store did not answer in time (raise the query timeout, or check the store)");
  }

  /**
   * After the deadline: gives a call that is about to finish (any call on a store that answers)
   * {@link #GRACE_NANOS} to do so, handing a success to {@code late} on this thread, so that
   * nothing of the statement still runs once it has failed; a call still running after that is
   * abandoned.
   */
  private static <T> void settleOrAbandon(CompletableFuture<T> future, Consumer<T> late) {
    try {
      T result = future.get(GRACE_NANOS, TimeUnit.NANOSECONDS);
      if (result != null && late != null) {
        late.accept(result);
      }
    } catch (TimeoutException e) {
      abandon(future, late);
    } catch (ExecutionException e) {
      // the call failed on its own; the statement reports its timeout
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      abandon(future, late);
    }
  }

  private static <T> void abandon(CompletableFuture<T> future, Consumer<T> late) {
    future.whenComplete(
        (result, failure) -> {
          if (result != null && late != null) {
            late.accept(result);
          }
        });
  }

  /**
   * A stream whose creation and every step run against the deadline; closing it closes the
   * backend's stream.
   */
  static <T> Stream<T> stream(Deadline deadline, String what, Supplier<Stream<T>> open) {
    if (deadline.remainingNanos() == Long.MAX_VALUE) {
      return open.get();
    }
    Stream<T> source = call(deadline, what, open, Stream::close);
    Iterator<T> it = source.iterator();
    Iterator<T> bounded =
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return call(deadline, what, it::hasNext, null);
          }

          @Override
          public T next() {
            return call(deadline, what, it::next, null);
          }
        };
    return StreamSupport.stream(
            Spliterators.spliteratorUnknownSize(bounded, Spliterator.ORDERED), false)
        .onClose(source::close);
  }
}
