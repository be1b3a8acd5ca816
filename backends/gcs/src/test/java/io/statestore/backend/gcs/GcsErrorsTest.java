package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Failures and retries against the fake server: a missing bucket named on every operation, a dead
 * endpoint, 429 and 5xx answers retried by the SDK then reported, and conditional writes and
 * deletes whose answer was lost recognised as done on the retry.
 */
class GcsErrorsTest {
  private static final byte[] ONE = "{\"completed\": {\"n\": 1}}".getBytes(StandardCharsets.UTF_8);
  private static final byte[] TWO = "{\"completed\": {\"n\": 2}}".getBytes(StandardCharsets.UTF_8);

  /** The production options with shorter back-off, so that retried answers cost little time. */
  private static final GcsClientOptions FAST_RETRIES =
      GcsClientOptions.defaults().withRetryDelays(Duration.ofMillis(10), Duration.ofMillis(50));

  private final FakeGcsServer server = GcsTestStores.server();
  private String bucket;
  private ObjectStoreBackend backend;

  @BeforeEach
  void open() {
    bucket = server.newBucket("errors");
    backend = GcsTestStores.open(bucket, "state", FAST_RETRIES);
  }

  @AfterEach
  void close() {
    server.failNextRequests(0, 0);
    backend.close();
    server.deleteBucket(bucket);
  }

  private static List<Consumer<ObjectStoreBackend>> everyOperation() {
    return List.of(
        b -> b.read("x", ObjectKind.STATE),
        b -> b.write("x", ObjectKind.STATE, ONE, Precondition.none()),
        b -> b.write("x", ObjectKind.LOCK, ONE, Precondition.absent()),
        b -> b.write("x", ObjectKind.LOCK, ONE, Precondition.matches(new Version("12"))),
        b -> b.delete("x", ObjectKind.STATE, Precondition.none()),
        b -> b.delete("x", ObjectKind.STATE, Precondition.matches(new Version("12"))),
        b -> {
          try (Stream<ListedState> s = b.list(ObjectKind.STATE, "")) {
            s.count();
          }
        });
  }

  @Test
  void aMissingBucketIsNamedOnEveryOperation() {
    try (ObjectStoreBackend missing =
        GcsTestStores.open("no-such-bucket", "p", GcsClientOptions.defaults())) {
      for (Consumer<ObjectStoreBackend> op : everyOperation()) {
        StateStoreException e = assertThrows(StateStoreException.class, () -> op.accept(missing));
        assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("'no-such-bucket' does not exist"), e.getMessage());
        assertTrue(e.getMessage().contains(server.endpoint()), e.getMessage());
      }
    }
  }

  @Test
  void aDeadEndpointIsUnavailableWithinSeconds() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    long t0 = System.nanoTime();
    try (ObjectStoreBackend dead =
        GcsTestStores.open(
            bucket,
            "p",
            Map.of(GcsSettings.ENDPOINT.key(), "http://127.0.0.1:" + port),
            Map.of(),
            GcsClientOptions.defaults())) {
      for (Consumer<ObjectStoreBackend> op : everyOperation()) {
        StateStoreException e = assertThrows(StateStoreException.class, () -> op.accept(dead));
        assertEquals(ErrorKind.UNAVAILABLE, e.kind(), e.getMessage());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
      }
    }
    long seconds = (System.nanoTime() - t0) / 1_000_000_000L;
    assertTrue(seconds < 30, "gave up after " + seconds + " s");
  }

  @Test
  void transientAnswersAreRetried() {
    backend.write("r", ObjectKind.STATE, ONE, Precondition.none());
    server.failNextRequests(1, 503);
    server.failNextRequests(1, 429);
    assertArrayEquals(ONE, backend.read("r", ObjectKind.STATE).orElseThrow().content());
    Version v = backend.read("r", ObjectKind.STATE).orElseThrow().version();
    server.failNextRequests(2, 500);
    Version v2 = backend.write("r", ObjectKind.STATE, TWO, Precondition.matches(v));
    assertEquals(v2, backend.read("r", ObjectKind.STATE).orElseThrow().version());
    server.failNextRequests(2, 502);
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "")) {
      assertEquals(List.of("r"), s.map(ListedState::stateId).toList());
    }
  }

  @Test
  void answersThatStayBadAreReportedAfterTheRetries() {
    server.resetCounts();
    server.failNextRequests(3, 503);
    StateStoreException unavailable =
        assertThrows(StateStoreException.class, () -> backend.read("r", ObjectKind.STATE));
    assertEquals(ErrorKind.UNAVAILABLE, unavailable.kind());
    assertTrue(unavailable.getMessage().contains("503"), unavailable.getMessage());
    assertEquals(3, server.objectRequests(), "the SDK made its 3 attempts");

    server.failNextRequests(3, 504);
    StateStoreException timeout =
        assertThrows(
            StateStoreException.class,
            () -> backend.write("r", ObjectKind.LOCK, ONE, Precondition.absent()));
    assertEquals(ErrorKind.TIMEOUT, timeout.kind());
    assertTrue(backend.read("r", ObjectKind.LOCK).isEmpty());
  }

  @Test
  void aCreateWhoseAnswerWasLostIsRecognisedAsOurs() {
    server.loseNextResponses(1);
    Version v = backend.write("lost", ObjectKind.LOCK, ONE, Precondition.absent());
    assertEquals(v, backend.read("lost", ObjectKind.LOCK).orElseThrow().version());
    // Someone else's lock with the same bytes is not ours.
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        assertThrows(
                StateStoreException.class,
                () -> backend.write("lost", ObjectKind.LOCK, ONE, Precondition.absent()))
            .kind());
  }

  @Test
  void aCompareAndSetWhoseAnswerWasLostIsRecognisedAsOurs() {
    Version v1 = backend.write("cas", ObjectKind.STATE, ONE, Precondition.none());
    server.loseNextResponses(1);
    Version v2 = backend.write("cas", ObjectKind.STATE, TWO, Precondition.matches(v1));
    assertEquals(v2, backend.read("cas", ObjectKind.STATE).orElseThrow().version());
    assertArrayEquals(TWO, backend.read("cas", ObjectKind.STATE).orElseThrow().content());
    // A competitor's identical bytes under an old version still conflict.
    assertEquals(
        ErrorKind.CONFLICT,
        assertThrows(
                StateStoreException.class,
                () -> backend.write("cas", ObjectKind.STATE, TWO, Precondition.matches(v1)))
            .kind());
  }

  @Test
  void aConditionalDeleteWhoseAnswerWasLostIsDone() {
    Version v = backend.write("del", ObjectKind.LOCK, ONE, Precondition.none());
    server.loseNextResponses(1);
    assertTrue(backend.delete("del", ObjectKind.LOCK, Precondition.matches(v)));
    assertTrue(backend.read("del", ObjectKind.LOCK).isEmpty());
    // Without a retry, a vanished object is a conflict for a conditional delete.
    assertEquals(
        ErrorKind.CONFLICT,
        assertThrows(
                StateStoreException.class,
                () -> backend.delete("del", ObjectKind.LOCK, Precondition.matches(v)))
            .kind());
    assertFalse(backend.delete("del", ObjectKind.LOCK, Precondition.none()));
  }

  @Test
  void aReadLooksAgainWhenItsGenerationIsReplacedAndGivesUpWithAConflict() {
    Version v1 = backend.write("busy", ObjectKind.STATE, ONE, Precondition.none());
    server.replaceAfterMetadataReads(bucket, "state/busy/state.json", 3);
    StoredObject read = backend.read("busy", ObjectKind.STATE).orElseThrow();
    assertArrayEquals(ONE, read.content());
    assertNotEquals(v1, read.version());
    assertEquals(read.version(), backend.read("busy", ObjectKind.STATE).orElseThrow().version());

    server.replaceAfterMetadataReads(bucket, "state/busy/state.json", 100);
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> backend.read("busy", ObjectKind.STATE));
    assertEquals(ErrorKind.CONFLICT, e.kind());
    assertTrue(e.getMessage().contains("try again"), e.getMessage());
    server.replaceAfterMetadataReads(bucket, "state/busy/state.json", 0);
  }

  @Test
  void aVersionThatIsNoGenerationConflicts() {
    backend.write("v", ObjectKind.STATE, ONE, Precondition.none());
    Precondition foreign = Precondition.matches(new Version("\"etag\""));
    assertEquals(
        ErrorKind.CONFLICT,
        assertThrows(
                StateStoreException.class, () -> backend.write("v", ObjectKind.STATE, TWO, foreign))
            .kind());
    assertEquals(
        ErrorKind.CONFLICT,
        assertThrows(
                StateStoreException.class, () -> backend.delete("v", ObjectKind.STATE, foreign))
            .kind());
  }
}
