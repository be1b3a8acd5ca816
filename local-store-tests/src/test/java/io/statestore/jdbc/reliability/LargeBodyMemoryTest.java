package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A body near {@code max_body_bytes} (60 MB of the default 64 MiB) is written through JDBC by a JVM
 * limited to 256 MiB of heap, and the write's peak heap stays a small multiple of the body.
 */
class LargeBodyMemoryTest {
  private static final Logger LOG = LoggerFactory.getLogger(LargeBodyMemoryTest.class);
  private static final int BODY_BYTES = 60_000_000;

  @TempDir Path dir;

  @Test
  void sixtyMegabyteBodyIsWrittenIn256MegabytesOfHeap() throws Exception {
    StoreFixture store = LocalStores.file(dir);
    String url = store.url() + "?file.fsync=false&fallback_dir=off";
    try (ChildJvm child = ChildJvm.start(LargeBodyWriter.class, url, String.valueOf(BODY_BYTES))) {
      assertEquals(0, child.await(5, TimeUnit.MINUTES), child.output());
      String wrote = child.lines("WROTE ").stream().findFirst().orElse(null);
      assertNotNull(wrote, child.output());
      String[] f = wrote.split(" ");
      long body = Long.parseLong(f[1]);
      long peak = Long.parseLong(f[2]);
      LOG.info(
          "A {} byte body took {} bytes of heap at its peak ({}x the body)",
          body,
          peak,
          String.format("%.2f", peak / (double) body));
      assertTrue(peak < 4 * body, "peak heap " + peak + " for a body of " + body);
    }
    Path stored = dir.resolve("store").resolve("big").resolve("state.json");
    byte[] head = new byte[64];
    try (var in = Files.newInputStream(stored)) {
      assertEquals(64, in.readNBytes(head, 0, 64));
    }
    assertTrue(
        new String(head, StandardCharsets.US_ASCII)
            .startsWith("{\"completed\": {\"singer_state\": {\"bookmarks\": {\"stream_0\": {"),
        new String(head, StandardCharsets.US_ASCII));
    assertTrue(Files.size(stored) > BODY_BYTES, "stored in Python's rendering, with its spaces");
  }
}
