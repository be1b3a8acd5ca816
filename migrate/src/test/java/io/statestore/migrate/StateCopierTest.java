package io.statestore.migrate;

import static io.statestore.migrate.TestStores.doc;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.testkit.CountingBackendProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StateCopierTest {
  @TempDir Path srcDir;
  @TempDir Path dstDir;

  private String src() {
    return TestStores.file(srcDir);
  }

  private String h2() {
    return TestStores.h2(dstDir);
  }

  private CopyResult copy(String from, String to, CopyOptions options, CopyListener listener)
      throws Exception {
    try (Connection s = TestStores.connect(from);
        Connection d = TestStores.connect(to)) {
      return new StateCopier(s, d).copy(options, listener);
    }
  }

  private CopyResult copy(CopyOptions options) throws Exception {
    return copy(src(), h2(), options, CopyListener.NONE);
  }

  @Test
  void copiesEveryStateAndIsAResumeWhenRunAgain() throws Exception {
    Map<String, String> states = new java.util.TreeMap<>();
    for (int i = 0; i < 250; i++) {
      states.put(String.format("dev:s%03d", i), doc("b" + i));
    }
    TestStores.insertAll(src(), states);
    CopyResult first = copy(CopyOptions.defaults().withBatchSize(40));
    assertEquals(250, first.copied());
    assertEquals(0, first.failed());
    assertEquals(TestStores.all(src()), TestStores.all(h2()));

    TestStores.insert(src(), "dev:s999", doc("late"));
    CopyResult second = copy(CopyOptions.defaults().withBatchSize(40));
    assertEquals(1, second.copied());
    assertEquals(250, second.unchanged());
    assertFalse(second.partial());
  }

  @Test
  void readsEachStateOnceOnEitherSide() throws Exception {
    String source = "counting:memory:copy-src-" + System.nanoTime();
    String target = "counting:memory:copy-dst-" + System.nanoTime();
    Map<String, String> states = new java.util.TreeMap<>();
    for (int i = 0; i < 500; i++) {
      states.put(String.format("s%04d", i), doc("b" + i));
    }
    TestStores.insertAll(source, states);
    long before = reads(source);
    CopyResult r = copy(source, target, CopyOptions.defaults(), CopyListener.NONE);
    assertEquals(500, r.copied());
    // One read per state on the source; a scan per batch would be 500 * 5 reads.
    assertEquals(500, reads(source) - before);
    assertTrue(reads(target) <= 2 * 500);
  }

  /** The state reads the store {@code counting:<inner>} answered so far. */
  private static long reads(String countingUri) {
    return CountingBackendProvider.store(countingUri.substring("counting:".length())).stateReads();
  }

  @Test
  void patternSelectsIdsTheSameWayOnEveryStore() throws Exception {
    Map<String, String> states = new java.util.TreeMap<>();
    for (String id : List.of("dev:a", "dev:b", "prod:a", "dev_x", "devXa", "env1:a", "env3:a")) {
      states.put(id, doc(id));
    }
    TestStores.insertAll(src(), states);
    copy(CopyOptions.defaults().withPattern("dev:*"));
    assertEquals(List.of("dev:a", "dev:b"), List.copyOf(TestStores.all(h2()).keySet()));
    copy(CopyOptions.defaults().withPattern("dev_?"));
    assertTrue(TestStores.all(h2()).containsKey("dev_x"));
    assertFalse(TestStores.all(h2()).containsKey("devXa"));
    copy(CopyOptions.defaults().withPattern("env[!3]:*"));
    assertTrue(TestStores.all(h2()).containsKey("env1:a"));
    assertFalse(TestStores.all(h2()).containsKey("env3:a"));
  }

  @Test
  void skipsAndReportsExistingStatesByDefault() throws Exception {
    TestStores.insert(src(), "a", doc("src"));
    TestStores.insert(src(), "b", doc("src"));
    TestStores.insert(h2(), "a", doc("dst"));
    List<String> events = new ArrayList<>();
    CopyResult r =
        copy(
            src(),
            h2(),
            CopyOptions.defaults(),
            new CopyListener() {
              @Override
              public void skipped(String stateId, SkipReason reason) {
                events.add(stateId + ":" + reason);
              }
            });
    assertEquals(1, r.copied());
    assertEquals(1, r.existing());
    assertEquals(List.of("a:EXISTS"), events);
    assertEquals(doc("dst"), TestStores.all(h2()).get("a"));
  }

  @Test
  void overwriteReplacesOlderTargetsAndRefusesNewerOnesUnlessForced() throws Exception {
    TestStores.insert(src(), "old-target", doc("src"));
    TestStores.insert(src(), "new-target", doc("src"));
    TestStores.insert(h2(), "old-target", doc("dst"));
    TestStores.insert(h2(), "new-target", doc("dst"));
    // The source of new-target was last changed long before the target was written.
    Files.setLastModifiedTime(
        srcDir.resolve("new-target").resolve("state.json"),
        FileTime.from(Instant.parse("2020-01-01T00:00:00Z")));
    // The source of old-target changes after the target was written.
    Files.setLastModifiedTime(
        srcDir.resolve("old-target").resolve("state.json"),
        FileTime.from(Instant.now().plusSeconds(3600)));

    CopyResult r = copy(CopyOptions.defaults().withMode(CopyMode.OVERWRITE));
    assertEquals(1, r.copied());
    assertEquals(1, r.replaced());
    assertEquals(1, r.targetNewer());
    assertTrue(r.partial());
    assertEquals(doc("src"), TestStores.all(h2()).get("old-target"));
    assertEquals(doc("dst"), TestStores.all(h2()).get("new-target"));

    CopyResult forced = copy(CopyOptions.defaults().withMode(CopyMode.OVERWRITE).withForce(true));
    assertEquals(1, forced.copied());
    assertEquals(1, forced.unchanged());
    assertEquals(doc("src"), TestStores.all(h2()).get("new-target"));
  }

  @Test
  void dryRunDecidesButWritesNothing() throws Exception {
    TestStores.insert(src(), "a", doc("src"));
    TestStores.insert(src(), "b", doc("src"));
    TestStores.insert(h2(), "a", doc("dst"));
    Files.setLastModifiedTime(
        srcDir.resolve("a").resolve("state.json"), FileTime.from(Instant.now().plusSeconds(3600)));
    CopyResult r = copy(CopyOptions.defaults().withDryRun(true).withMode(CopyMode.OVERWRITE));
    assertTrue(r.dryRun());
    assertEquals(2, r.copied());
    assertEquals(1, r.replaced());
    assertEquals(0, r.targetNewer());
    assertEquals(Map.of("a", doc("dst")), TestStores.all(h2()));
  }

  @Test
  void bodiesArriveByteForByte() throws Exception {
    StringBuilder nested = new StringBuilder();
    for (int i = 0; i < 200; i++) {
      nested.append("{\"k\": [");
    }
    nested.append("1");
    for (int i = 0; i < 200; i++) {
      nested.append("]}");
    }
    StringBuilder big = new StringBuilder("{\"completed\": {\"rows\": [");
    for (int i = 0; i < 60_000; i++) {
      big.append(i == 0 ? "" : ", ").append("\"r").append(i).append('"');
    }
    big.append("]}, \"partial\": {}}");
    TestStores.insert(src(), "unicode", doc("Zürich – 東京 – 😀 \\\" \\u0000"));
    TestStores.insert(src(), "nested", "{\"completed\": " + nested + ", \"partial\": {}}");
    TestStores.insert(src(), "big", big.toString());
    TestStores.insert(src(), "numbers", "{\"completed\": {\"n\": 1.50e+10, \"m\": -0.0}}");

    Path fileDst = dstDir.resolve("files");
    copy(src(), TestStores.file(fileDst), CopyOptions.defaults(), CopyListener.NONE);
    copy(CopyOptions.defaults());
    Map<String, String> source = TestStores.all(src());
    assertEquals(source, TestStores.all(h2()));
    assertEquals(source, TestStores.all(TestStores.file(fileDst)));
    for (String id : source.keySet()) {
      assertArrayEquals(TestStores.fileBytes(srcDir, id), TestStores.fileBytes(fileDst, id), id);
    }
    assertTrue(source.get("big").length() > 500_000);
  }

  @Test
  void aFailingStateIsReportedAndTheOthersGoOn() throws Exception {
    StringBuilder big = new StringBuilder("{\"completed\": {\"pad\": \"");
    big.append("x".repeat(5000)).append("\"}}");
    TestStores.insert(src(), "a", doc("a"));
    TestStores.insert(src(), "b-too-big", big.toString());
    TestStores.insert(src(), "c", doc("c"));
    String smallTarget = h2() + "?max_body_bytes=1000";
    CopyResult r = copy(src(), smallTarget, CopyOptions.defaults(), CopyListener.NONE);
    assertEquals(2, r.copied());
    assertEquals(1, r.failed());
    CopyFailure f = r.failures().get(0);
    assertEquals("b-too-big", f.stateId());
    assertEquals("22023", f.sqlState());
    assertTrue(f.message().contains("b-too-big"), f.message());
    assertEquals(List.of("a", "c"), List.copyOf(TestStores.all(h2()).keySet()));
  }
}
