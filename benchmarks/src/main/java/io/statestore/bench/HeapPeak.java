package io.statestore.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Peak heap use over a stretch of work: the sum of the heap pools' peaks since {@link #reset()}, an
 * upper bound of what was in use at any one moment (garbage not yet collected included).
 */
public final class HeapPeak {
  private HeapPeak() {}

  /** Collects garbage and starts a new peak. */
  public static void reset() {
    System.gc();
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        pool.resetPeakUsage();
      }
    }
  }

  /** The peak since the last {@link #reset()}, in bytes. */
  public static long peakBytes() {
    long sum = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP && pool.isValid()) {
        sum += pool.getPeakUsage().getUsed();
      }
    }
    return sum;
  }

  /** The heap's current limit ({@code -Xmx}), in bytes. */
  public static long maxBytes() {
    return Runtime.getRuntime().maxMemory();
  }
}
