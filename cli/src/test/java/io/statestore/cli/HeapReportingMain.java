package io.statestore.cli;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;

/**
 * Runs the command like its real main, then prints the peak heap use of the JVM on stderr as {@code
 * PEAK_HEAP_BYTES=<n>} and exits with the command's status.
 */
public final class HeapReportingMain {
  private HeapReportingMain() {}

  /** Runs the command. */
  public static void main(String[] args) {
    int status = StatestoreCommand.run(args, CliIo.system());
    long peak = 0;
    for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
      if (pool.getType() == MemoryType.HEAP) {
        peak += pool.getPeakUsage().getUsed();
      }
    }
    System.err.println("PEAK_HEAP_BYTES=" + peak);
    System.exit(status);
  }
}
