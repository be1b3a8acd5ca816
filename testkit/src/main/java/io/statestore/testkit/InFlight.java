package io.statestore.testkit;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Counts the calls of one kind in flight at once, and can hold the next few of them until that many
 * are in flight together, so that a test sees how many calls the code under test overlaps without
 * depending on timing.
 */
final class InFlight {
  private final AtomicInteger now = new AtomicInteger();
  private final AtomicInteger most = new AtomicInteger();
  private final AtomicInteger toHold = new AtomicInteger();
  private volatile int holdFor;
  private volatile boolean released;
  private volatile long holdNanos;

  /** Holds each of the next {@code calls} calls until {@code calls} are in flight, or atMost. */
  void hold(int calls, Duration atMost) {
    holdNanos = atMost.toNanos();
    holdFor = calls;
    released = false;
    toHold.set(calls);
  }

  /** The most calls that were in flight at once since the last {@link #reset()}. */
  int most() {
    return most.get();
  }

  void reset() {
    most.set(0);
    toHold.set(0);
  }

  /** Runs one call, counted and held as set. */
  <T> T run(Supplier<T> call) {
    int inFlight = now.incrementAndGet();
    most.accumulateAndGet(inFlight, Math::max);
    try {
      long until = System.nanoTime() + holdNanos;
      boolean held = toHold.getAndDecrement() > 0;
      if (inFlight >= holdFor) {
        released = true; // all the held calls are in flight: let every one of them go
      }
      while (held && !released && System.nanoTime() < until) {
        LockSupport.parkNanos(1_000_000L);
      }
      return call.get();
    } finally {
      now.decrementAndGet();
    }
  }
}
