package io.statestore.jdbc.reliability;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * Writes one large state in a JVM of its own ({@code -Xmx256m}) and reports the heap the write
 * took: {@code WROTE <body bytes> <peak heap bytes above the heap before the write>}.
 *
 * <p>Arguments: the store URL, the body size in bytes.
 */
public final class LargeBodyWriter {
  private LargeBodyWriter() {}

  /** A body of about {@code bytes} bytes, compact (so its rendering is larger), like a tap's. */
  static String body(int bytes) {
    StringBuilder b = new StringBuilder(bytes + 200);
    b.append("{\"completed\":{\"singer_state\":{\"bookmarks\":{");
    for (int i = 0; b.length() < bytes - 100; i++) {
      if (i > 0) {
        b.append(',');
      }
      b.append("\"stream_")
          .append(i)
          .append("\":{\"replication_key\":\"updated_at\",\"replication_key_value\":")
          .append("\"2024-08-07T19:26:40.123456+00:00\",\"ids\":[")
          .append(i)
          .append(',')
          .append(-i)
          .append(",1.5e3,null,true],\"note\":\"caf\u00e9\"}");
    }
    return b.append("}}}}").toString();
  }

  /** Runs it. */
  public static void main(String[] args) throws Exception {
    String url = args[0];
    String body = body(Integer.parseInt(args[1]));
    int bodyBytes = body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      ps.setString(1, "warm-up");
      ps.setString(2, "{\"completed\": {}}");
      ps.executeUpdate();
      System.gc();
      long before = heapUsed();
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        pool.resetPeakUsage();
      }
      ps.setString(1, "big");
      ps.setString(2, body);
      ps.executeUpdate();
      long peak = 0;
      for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
        if (pool.getType() == MemoryType.HEAP) {
          peak += pool.getPeakUsage().getUsed();
        }
      }
      System.out.println("WROTE " + bodyBytes + " " + (peak - before));
    }
  }

  private static long heapUsed() {
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
