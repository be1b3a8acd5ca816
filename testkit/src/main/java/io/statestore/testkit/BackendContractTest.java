package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.LockTimestamps;
import io.statestore.core.StateLock;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.core.StoreOptions;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract every backend must pass. A backend module extends this class and supplies {@link
 * #createBackend()}, returning an empty store each time; the suite then checks the SPI's primitives
 * directly and the full {@link StateStore} (locking, rules) on top of them.
 *
 * <p>Ids: a backend declares the ids its store can hold with {@link StateBackend#idRule()}
 * (default: {@link io.statestore.spi.StateIdRule#portable()}). The suite holds it to that
 * declaration: every id the rule accepts is written, listed under its own prefix and read back, the
 * longest id the rule allows is held and one character more is refused, and an id the rule refuses
 * is refused with {@code INVALID_INPUT} naming the rule, with nothing written.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class BackendContractTest {

  /** The backend under test, fresh and empty for each test. */
  protected StateBackend backend;

  /** A store over {@link #backend} with short lock timings so the suite runs fast. */
  protected StateStore store;

  /** Returns a new, empty backend. Called once per test. */
  protected abstract StateBackend createBackend() throws Exception;

  /** Store options for the suite: 2 s lock timeout, 50 ms retry. Override to change. */
  protected StoreOptions options() {
    return StoreOptions.defaults().withLockTiming(Duration.ofSeconds(2), Duration.ofMillis(50));
  }

  /** How many states the listing tests create; more than one page on most stores. */
  protected int listingSize() {
    return 1_100;
  }

  /** Whether the backend stores arbitrary bytes verbatim (false: it re-renders documents). */
  protected boolean storesBytesVerbatim() {
    return true;
  }

  @BeforeEach
  void openBackend() throws Exception {
    backend = createBackend();
    store = new StateStore(backend, options());
  }

  @AfterEach
  void closeBackend() {
    if (store != null) {
      store.close();
    }
  }

  // ------------------------------------------------------------ helpers

  /** A state document whose bookmark is {@code value}. */
  protected static String doc(String value) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key_value\": \""
        + value
        + "\"}}}}, \"partial\": {}}";
  }

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ErrorKind kindOf(Runnable r) {
    return assertThrows(StateStoreException.class, r::run).kind();
  }

  private List<String> ids(ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend.list(kind, prefix)) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }

  // ------------------------------------------------------------ primitives

  @Test
  void readOfMissingIsEmpty() {
    assertTrue(backend.read("nothing-here", ObjectKind.STATE).isEmpty());
    assertTrue(backend.read("nothing-here", ObjectKind.LOCK).isEmpty());
  }

  @Test
  void writeThenReadRoundTrips() {
    byte[] body = utf8(doc("2024-01-01"));
    Version v = backend.write("dev:tap-a-to-target-b", ObjectKind.STATE, body, Precondition.none());
    StoredObject o = backend.read("dev:tap-a-to-target-b", ObjectKind.STATE).orElseThrow();
    assertArrayEquals(body, o.content());
    assertEquals(v, o.version());
    if (o.lastModified() != null) {
      Duration age = Duration.between(o.lastModified(), Instant.now()).abs();
      assertTrue(age.compareTo(Duration.ofMinutes(5)) < 0, "lastModified is now-ish: " + age);
    }
  }

  @Test
  void overwriteChangesVersion() {
    Version v1 = backend.write("s", ObjectKind.STATE, utf8(doc("1")), Precondition.none());
    Version v2 = backend.write("s", ObjectKind.STATE, utf8(doc("2")), Precondition.none());
    assertNotEquals(v1, v2);
    assertArrayEquals(utf8(doc("2")), backend.read("s", ObjectKind.STATE).orElseThrow().content());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev:tap-github-to-target-postgres",
        "a-b.c@d e",
        "with space",
        "ümlaut-日本語-😀",
        "x",
        "prod:tap_x-to-target_y:2024.01.01@run",
        "dots.in.the.middle"
      })
  void idsOfManyShapesRoundTrip(String id) {
    String body = doc("v-" + id);
    store.upsert(id, body, Deadline.none());
    StateRecord r = store.get(id).orElseThrow();
    assertEquals(id, r.stateId());
    assertTrue(r.bodyText().contains("\\u") || id.chars().allMatch(c -> c < 128));
    assertEquals(List.of(id), ids(ObjectKind.STATE, id));
    assertTrue(store.delete(id, null, Deadline.none()));
    assertTrue(store.get(id).isEmpty());
  }

  @Test
  void unicodeBodyRoundTripsInMeltanoRendering() {
    store.upsert("u", "{\"completed\":{\"name\":\"Zoë – 日本 😀\"}}", Deadline.none());
    assertEquals(
        "{\"completed\": {\"name\": \"Zo\\u00eb \\u2013 \\u65e5\\u672c \\ud83d\\ude00\"},"
            + " \"partial\": {}}",
        store.get("u").orElseThrow().bodyText());
  }

  @Test
  void tenMegabyteBodyRoundTrips() {
    StringBuilder sb = new StringBuilder(10_500_000).append("{\"completed\": {\"blob\": \"");
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append("0123456789abcdefghijklmnopqrstuvwxyz");
    }
    String body = sb.append("\"}, \"partial\": {}}").toString();
    store.upsert("big", body, Deadline.none());
    assertArrayEquals(utf8(body), store.get("big").orElseThrow().body());
  }

  @Test
  void arbitraryBytesAreStoredVerbatim() {
    if (!storesBytesVerbatim()) {
      return;
    }
    byte[] raw = new byte[4096];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 31);
    }
    backend.write("raw", ObjectKind.STATE, raw, Precondition.none());
    assertArrayEquals(raw, backend.read("raw", ObjectKind.STATE).orElseThrow().content());
  }

  @Test
  void listingWithAndWithoutPrefixAcrossManyStates() {
    int n = listingSize();
    byte[] body = utf8(doc("x"));
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              String env = i % 2 == 0 ? "dev" : "prod";
              backend.write(
                  String.format("%s:tap-%05d", env, i),
                  ObjectKind.STATE,
                  body,
                  Precondition.none());
            });
    backend.write("lock-only", ObjectKind.LOCK, utf8("1.0"), Precondition.none());

    List<String> all = ids(ObjectKind.STATE, "");
    assertEquals(n, all.size());
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(null);
    assertEquals(sorted, all, "listing is in id order");
    assertFalse(all.contains("lock-only"), "a lock alone is not a state");

    List<String> dev = ids(ObjectKind.STATE, "dev:");
    assertEquals((n + 1) / 2, dev.size());
    assertTrue(dev.stream().allMatch(s -> s.startsWith("dev:")));
    assertEquals(
        10,
        ids(ObjectKind.STATE, "prod:tap-0000").size()
            + ids(ObjectKind.STATE, "dev:tap-0000").size());
    assertEquals(List.of(), ids(ObjectKind.STATE, "nomatch"));
    assertEquals(List.of("lock-only"), ids(ObjectKind.LOCK, ""));
  }

  @Test
  void listingIsLazy() {
    for (int i = 0; i < 20; i++) {
      backend.write("lazy-" + i, ObjectKind.STATE, utf8(doc("x")), Precondition.none());
    }
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "lazy-")) {
      assertEquals(3, s.limit(3).count());
    }
  }

  @Test
  void createIfAbsentRefusesExisting() {
    backend.write("a", ObjectKind.STATE, utf8(doc("1")), Precondition.absent());
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kindOf(() -> backend.write("a", ObjectKind.STATE, utf8(doc("2")), Precondition.absent())));
    assertArrayEquals(utf8(doc("1")), backend.read("a", ObjectKind.STATE).orElseThrow().content());
  }

  @Test
  void replaceIfVersionRefusesOtherVersions() {
    Version v1 = backend.write("a", ObjectKind.STATE, utf8(doc("1")), Precondition.none());
    Version v2 = backend.write("a", ObjectKind.STATE, utf8(doc("2")), Precondition.matches(v1));
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(
            () -> backend.write("a", ObjectKind.STATE, utf8(doc("3")), Precondition.matches(v1))));
    assertArrayEquals(utf8(doc("2")), backend.read("a", ObjectKind.STATE).orElseThrow().content());
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(
            () ->
                backend.write(
                    "missing", ObjectKind.STATE, utf8(doc("3")), Precondition.matches(v2))));
    assertTrue(backend.read("missing", ObjectKind.STATE).isEmpty());
  }

  @Test
  void deleteOfMissingIsFalseAndConditionalDeleteChecksVersion() {
    assertFalse(backend.delete("missing", ObjectKind.STATE, Precondition.none()));
    Version v1 = backend.write("d", ObjectKind.STATE, utf8(doc("1")), Precondition.none());
    backend.write("d", ObjectKind.STATE, utf8(doc("2")), Precondition.none());
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(() -> backend.delete("d", ObjectKind.STATE, Precondition.matches(v1))));
    assertTrue(backend.read("d", ObjectKind.STATE).isPresent());
    Version v3 = backend.read("d", ObjectKind.STATE).orElseThrow().version();
    assertTrue(backend.delete("d", ObjectKind.STATE, Precondition.matches(v3)));
    assertTrue(backend.read("d", ObjectKind.STATE).isEmpty());
    assertEquals(List.of(), ids(ObjectKind.STATE, "d"));
  }

  @Test
  void stateAndLockAreIndependentObjects() {
    backend.write("both", ObjectKind.STATE, utf8(doc("1")), Precondition.none());
    backend.write("both", ObjectKind.LOCK, utf8("1723058800.123456"), Precondition.absent());
    assertTrue(backend.delete("both", ObjectKind.LOCK, Precondition.none()));
    assertTrue(backend.read("both", ObjectKind.STATE).isPresent());
    assertTrue(backend.read("both", ObjectKind.LOCK).isEmpty());
  }

  @Test
  @Timeout(60)
  void exactlyOneOfManyRacingCreatorsWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "race-" + round;
      List<Boolean> wins =
          race(
              8,
              () -> {
                try {
                  backend.write(
                      id,
                      ObjectKind.LOCK,
                      LockTimestamps.format(Instant.now()),
                      Precondition.absent());
                  return true;
                } catch (StateStoreException e) {
                  if (e.kind() != ErrorKind.ALREADY_EXISTS) {
                    throw e;
                  }
                  return false;
                }
              });
      assertEquals(1, wins.stream().filter(w -> w).count(), "round " + round + ": " + wins);
    }
  }

  @Test
  @Timeout(60)
  void exactlyOneOfManyRacingTakersWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "takeover-" + round;
      Version stale =
          backend.write(id, ObjectKind.LOCK, utf8("1000000000.5"), Precondition.absent());
      List<Boolean> wins =
          race(
              8,
              () -> {
                try {
                  backend.write(
                      id,
                      ObjectKind.LOCK,
                      LockTimestamps.format(Instant.now()),
                      Precondition.matches(stale));
                  return true;
                } catch (StateStoreException e) {
                  if (e.kind() != ErrorKind.CONFLICT) {
                    throw e;
                  }
                  return false;
                }
              });
      assertEquals(1, wins.stream().filter(w -> w).count(), "round " + round + ": " + wins);
    }
  }

  private static List<Boolean> race(int threads, Callable<Boolean> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<Boolean>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return task.call();
                }));
      }
      start.countDown();
      List<Boolean> out = new ArrayList<>();
      for (Future<Boolean> f : futures) {
        out.add(f.get(30, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  // ------------------------------------------------------------ the store on top

  @Test
  void lockIsMeltanoTimestampAndIsReleased() {
    Instant before = Instant.now().minusSeconds(1);
    try (StateLock lock = store.lock("l", Deadline.none())) {
      StoredObject o = backend.read("l", ObjectKind.LOCK).orElseThrow();
      String text = new String(o.content(), StandardCharsets.US_ASCII);
      assertTrue(
          text.matches("\\d{10}\\.\\d{1,6}"), "epoch seconds as Python prints them: " + text);
      Instant at = LockTimestamps.parse(o.content()).orElseThrow();
      assertTrue(!at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(1)));
      assertEquals("l", lock.stateId());
    }
    assertTrue(backend.read("l", ObjectKind.LOCK).isEmpty());
  }

  @Test
  @Timeout(30)
  void heldLockIsWaitedForThenTaken() throws Exception {
    StateLock first = store.lock("w", Deadline.none());
    AtomicBoolean released = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> second =
          pool.submit(
              () -> {
                try (StateLock l = store.lock("w", Deadline.none())) {
                  return released.get();
                }
              });
      Thread.sleep(300);
      assertFalse(second.isDone(), "waits while the lock is held");
      released.set(true);
      first.close();
      assertTrue(second.get(10, TimeUnit.SECONDS), "took the lock after its release");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void freshForeignLockIsRespectedUntilTheDeadline() {
    backend.write(
        "f", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    long t0 = System.nanoTime();
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> store.upsert("f", doc("1"), Deadline.after(Duration.ofMillis(300), null)));
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().contains("'f'"), e.getMessage());
    assertTrue(System.nanoTime() - t0 >= 250_000_000L);
    assertTrue(store.get("f").isEmpty(), "nothing written");
    assertTrue(backend.read("f", ObjectKind.LOCK).isPresent(), "foreign lock left alone");
  }

  @Test
  void staleLockIsTakenOver() {
    Instant old = Instant.now().minus(Duration.ofHours(1));
    backend.write("s", ObjectKind.LOCK, LockTimestamps.format(old), Precondition.absent());
    store.upsert("s", doc("after-takeover"), Deadline.after(Duration.ofSeconds(5), null));
    assertTrue(store.get("s").orElseThrow().bodyText().contains("after-takeover"));
    assertTrue(backend.read("s", ObjectKind.LOCK).isEmpty(), "lock released after the write");
  }

  @Test
  void lockBecomesStaleAfterTheTimeout() {
    backend.write(
        "t", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    long t0 = System.nanoTime();
    store.upsert("t", doc("1"), Deadline.after(Duration.ofSeconds(20), null));
    long waitedMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(waitedMs >= 1_500, "waited for the 2 s timeout, waited " + waitedMs + " ms");
  }

  @Test
  void insertRefusesDuplicatesAndWritesNothing() {
    store.insert("dup", doc("1"), Deadline.none());
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> store.insert("dup", doc("2"), Deadline.none()));
    assertEquals(ErrorKind.ALREADY_EXISTS, e.kind());
    assertTrue(e.getMessage().contains("'dup'"));
    assertTrue(store.get("dup").orElseThrow().bodyText().contains("\"1\""));
    assertTrue(backend.read("dup", ObjectKind.LOCK).isEmpty(), "lock released after a failure");
  }

  @Test
  void replaceIsCompareAndSet() {
    store.insert("cas", doc("1"), Deadline.none());
    StateRecord read = store.get("cas").orElseThrow();
    store.replace("cas", doc("2"), read.version(), Deadline.none());
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(() -> store.replace("cas", doc("3"), read.version(), Deadline.none())));
    assertTrue(store.get("cas").orElseThrow().bodyText().contains("\"2\""));
  }

  @Test
  @Timeout(120)
  void concurrentReadModifyWriteLosesNothing() throws Exception {
    store.insert("counter", "{\"completed\": {\"n\": 0}}", Deadline.none());
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    while (true) {
                      StateRecord r = store.get("counter").orElseThrow();
                      int n = Integer.parseInt(r.bodyText().replaceAll("\\D+", ""));
                      try {
                        store.replace(
                            "counter",
                            "{\"completed\": {\"n\": " + (n + 1) + "}}",
                            r.version(),
                            Deadline.after(Duration.ofSeconds(30), null));
                        break;
                      } catch (StateStoreException e) {
                        if (e.kind() != ErrorKind.CONFLICT) {
                          throw e;
                        }
                      }
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        "{\"completed\": {\"n\": " + threads * perThread + "}, \"partial\": {}}",
        store.get("counter").orElseThrow().bodyText());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "nul\u0000x", "lone\ud800surrogate"})
  void idsNoStoreCanHoldAreRefusedAndNothingIsWritten(String id) {
    assertEquals(
        ErrorKind.INVALID_INPUT, kindOf(() -> store.upsert(id, doc("1"), Deadline.none())));
    assertTrue(store.get(id).isEmpty());
    assertEquals(List.of(), ids(ObjectKind.STATE, ""));
    assertEquals(List.of(), ids(ObjectKind.LOCK, ""));
  }

  /**
   * Ids some stores can hold and others cannot: each is either refused as the backend's {@link
   * StateBackend#idRule()} says, with the rule named and nothing written, or held, listed and read
   * like any other.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        " ",
        "   ",
        "a/b",
        "/abs",
        "team/dev:tap-x-to-y",
        "a\\b",
        "..",
        "a..b",
        "dev:tap-v1..v2-to-target",
        "../escape",
        ".",
        "tab\tx",
        "nl\nx",
        "del\u007fx"
      })
  void idsAreHeldOrRefusedAsTheBackendDeclares(String id) {
    String problem = backend.idRule().problem(id);
    if (problem != null) {
      StateStoreException e =
          assertThrows(
              StateStoreException.class, () -> store.upsert(id, doc("1"), Deadline.none()));
      assertEquals(ErrorKind.INVALID_INPUT, e.kind());
      assertTrue(e.getMessage().contains(problem), e.getMessage());
      assertTrue(store.get(id).isEmpty());
      assertEquals(List.of(), ids(ObjectKind.STATE, ""));
      assertEquals(List.of(), ids(ObjectKind.LOCK, ""));
      return;
    }
    store.upsert(id, doc("v"), Deadline.none());
    assertEquals(List.of(id), ids(ObjectKind.STATE, ""));
    assertEquals(List.of(id), ids(ObjectKind.STATE, id));
    assertTrue(store.get(id).orElseThrow().bodyText().contains("\"v\""));
    assertTrue(store.delete(id, null, Deadline.none()));
    assertEquals(List.of(), ids(ObjectKind.STATE, ""));
    assertEquals(List.of(), ids(ObjectKind.LOCK, ""));
  }

  /** The longest id the backend's rule allows is held; one character more is refused. */
  @Test
  void tooLongIdIsRefused() {
    int longest = backend.idRule().longestAsciiId();
    if (longest > 100_000) {
      return; // no length limit to test
    }
    String id = "x".repeat(longest + 1);
    assertEquals(
        ErrorKind.INVALID_INPUT, kindOf(() -> store.upsert(id, doc("1"), Deadline.none())));
    store.upsert("y".repeat(longest), doc("1"), Deadline.none());
    assertTrue(store.get("y".repeat(longest)).isPresent());
    assertEquals(List.of("y".repeat(longest)), ids(ObjectKind.STATE, ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"completed\": {}} trailing",
        "[1,2]",
        "\"text\"",
        "{\"completed\": {}, \"other\": 1}",
        "{\"completed\": {\"a\": 1, \"a\": 2}}",
        "{"
      })
  void invalidBodiesAreRefusedAndNothingIsWritten(String body) {
    store.upsert("keep", doc("original"), Deadline.none());
    assertEquals(
        ErrorKind.INVALID_DOCUMENT, kindOf(() -> store.upsert("keep", body, Deadline.none())));
    assertEquals(
        ErrorKind.INVALID_DOCUMENT, kindOf(() -> store.insert("new", body, Deadline.none())));
    assertTrue(store.get("keep").orElseThrow().bodyText().contains("original"));
    assertTrue(store.get("new").isEmpty());
    assertTrue(backend.read("keep", ObjectKind.LOCK).isEmpty());
  }

  @Test
  void deleteRemovesTheStateAndReportsMissing() {
    store.upsert("gone", doc("1"), Deadline.none());
    assertTrue(store.delete("gone", null, Deadline.none()));
    assertFalse(store.delete("gone", null, Deadline.none()));
    assertTrue(store.get("gone").isEmpty());
    Optional<StoredObject> lock = backend.read("gone", ObjectKind.LOCK);
    assertTrue(lock.isEmpty());
  }

  @Test
  void forceUnlockRemovesAnyLock() {
    backend.write(
        "fu", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    assertEquals(1, store.locks("", Deadline.none()).count());
    assertTrue(store.forceUnlock("fu"));
    assertFalse(store.forceUnlock("fu"));
    assertEquals(0, store.locks("", Deadline.none()).count());
  }
}
