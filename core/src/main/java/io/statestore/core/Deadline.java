package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * How long an operation may wait (for a lock, mostly) and a flag that cancels it. Maps JDBC's
 * {@code setQueryTimeout} and {@code Statement.cancel} onto the store.
 */
public final class Deadline {
  private static final Deadline NONE = new Deadline(Long.MAX_VALUE, new AtomicBoolean());

  private final long deadlineNanos;
  private final AtomicBoolean cancelFlag;

  private Deadline(long deadlineNanos, AtomicBoolean cancelFlag) {
    this.deadlineNanos = deadlineNanos;
    this.cancelFlag = cancelFlag;
  }

  /** No time limit, never cancelled. */
  public static Deadline none() {
    return NONE;
  }

  /**
   * A deadline {@code timeout} from now (zero or negative: none), cancelled when {@code cancelFlag}
   * becomes true.
   */
  public static Deadline after(Duration timeout, AtomicBoolean cancelFlag) {
    AtomicBoolean flag = cancelFlag == null ? new AtomicBoolean() : cancelFlag;
    if (timeout == null || timeout.isZero() || timeout.isNegative()) {
      return new Deadline(Long.MAX_VALUE, flag);
    }
    return new Deadline(System.nanoTime() + timeout.toNanos(), flag);
  }

  /** The earlier of this deadline and {@code other} from now; keeps this cancel flag. */
  public Deadline atMost(Duration other) {
    long candidate = System.nanoTime() + other.toNanos();
    if (deadlineNanos == Long.MAX_VALUE || candidate - deadlineNanos < 0) {
      return new Deadline(candidate, cancelFlag);
    }
    return this;
  }

  /** Nanoseconds left, {@link Long#MAX_VALUE} when unlimited, never negative. */
  public long remainingNanos() {
    if (deadlineNanos == Long.MAX_VALUE) {
      return Long.MAX_VALUE;
    }
    return Math.max(0, deadlineNanos - System.nanoTime());
  }

  /** Whether the time is up. */
  public boolean expired() {
    return deadlineNanos != Long.MAX_VALUE && deadlineNanos - System.nanoTime() <= 0;
  }

  /** Whether the statement was cancelled or the thread interrupted. */
  public boolean isCancelled() {
    return cancelFlag.get() || Thread.currentThread().isInterrupted();
  }

  /** Throws {@link ErrorKind#CANCELLED} if cancelled. */
  public void checkCancelled(String what) {
    if (cancelFlag.get() || Thread.currentThread().isInterrupted()) {
      throw new StateStoreException(ErrorKind.CANCELLED, "Cancelled while " + what);
    }
  }

  /** Sleeps up to {@code nanos}, never past the deadline; throws if cancelled or interrupted. */
  public void sleep(long nanos, String what) {
    long wait = Math.min(nanos, remainingNanos());
    long end = System.nanoTime() + wait;
    try {
      while (true) {
        checkCancelled(what);
        long left = end - System.nanoTime();
        if (left <= 0) {
          return;
        }
        // Wake up at least every 50 ms to notice a cancel flag.
        Thread.sleep(Math.max(1, Math.min(50, left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(ErrorKind.CANCELLED, "Interrupted while " + what, e);
    }
  }
}
