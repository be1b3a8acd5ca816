package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A write the store fails to take is kept in {@code fallback_dir}, and the error names the file.
 */
class StateStoreFallbackTest {
  private static final Pattern SAVED = Pattern.compile("saved to (\\S+\\.json)");
  private static final String BODY = "{\"completed\": {\"n\": 7}, \"partial\": {}}";

  @TempDir Path dir;

  private StateStore store(FailingWritesBackend backend, Path fallback) {
    return new StateStore(
        backend,
        StoreOptions.defaults()
            .withLockTiming(Duration.ofSeconds(5), Duration.ofMillis(10))
            .withFallbackDir(fallback));
  }

  private static Path savedFile(StateStoreException e) {
    Matcher m = SAVED.matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    return Path.of(m.group(1));
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorKind.class,
      names = {"UNAVAILABLE", "TIMEOUT", "DENIED"})
  void storeFailureSavesTheBody(ErrorKind kind) throws Exception {
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store = store(backend, dir.resolve("fallback"));
    backend.failWith = kind;
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> store.upsert("dev:a", BODY, Deadline.none()));
    assertEquals(kind, e.kind());
    Path file = savedFile(e);
    assertTrue(file.startsWith(dir.resolve("fallback")), file.toString());
    assertEquals(BODY, Files.readString(file, StandardCharsets.UTF_8));
    assertTrue(backend.inner.read("dev:a", ObjectKind.STATE).isEmpty());
    assertTrue(backend.inner.read("dev:a", ObjectKind.LOCK).isEmpty(), "lock released");

    // The saved file is what a later push sends.
    backend.failWith = null;
    store.upsert("dev:a", Files.readString(file), Deadline.none());
    assertArrayEquals(
        BODY.getBytes(StandardCharsets.UTF_8), store.get("dev:a").orElseThrow().body());
  }

  @Test
  void everyWriteFormKeepsItsBody() throws Exception {
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store = store(backend, dir);
    store.insert("s", "{\"completed\": {\"n\": 1}}", Deadline.none());
    byte[] old = store.get("s").orElseThrow().body();
    backend.failWith = ErrorKind.UNAVAILABLE;
    List<StateStoreException> errors =
        List.of(
            assertThrows(StateStoreException.class, () -> store.insert("t", BODY, Deadline.none())),
            assertThrows(
                StateStoreException.class,
                () ->
                    store.replace(
                        "s", BODY, store.get("s").orElseThrow().version(), Deadline.none())),
            assertThrows(
                StateStoreException.class,
                () -> store.replaceIfBody("s", BODY, old, Deadline.none())));
    for (StateStoreException e : errors) {
      assertEquals(BODY, Files.readString(savedFile(e)));
    }
    assertArrayEquals(old, store.get("s").orElseThrow().body());
  }

  @Test
  void storeDownWhenTakingTheLockAlsoKeepsTheBody() throws Exception {
    FailingWritesBackend backend = new FailingWritesBackend();
    backend.failKind = ObjectKind.LOCK;
    backend.failWith = ErrorKind.UNAVAILABLE;
    StateStore store = store(backend, dir);
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> store.upsert("x", BODY, Deadline.none()));
    assertEquals(BODY, Files.readString(savedFile(e)));
  }

  @ParameterizedTest
  @EnumSource(
      value = ErrorKind.class,
      names = {"CONFLICT", "ALREADY_EXISTS", "INVALID_INPUT", "INVALID_DOCUMENT", "CORRUPT"})
  void refusalsThatAreNotStoreFailuresSaveNothing(ErrorKind kind) throws Exception {
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store = store(backend, dir);
    backend.failWith = kind;
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> store.upsert("x", BODY, Deadline.none()));
    assertFalse(e.getMessage().contains("saved to"), e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void invalidBodiesAreRefusedBeforeAnythingIsSaved() throws Exception {
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store = store(backend, dir);
    backend.failWith = ErrorKind.UNAVAILABLE;
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> store.upsert("x", "{not json", Deadline.none()));
    assertEquals(ErrorKind.INVALID_DOCUMENT, e.kind());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void waitingForAHeldLockSavesNothing() throws Exception {
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store =
        new StateStore(
            backend,
            new StoreOptions(
                Duration.ofSeconds(60),
                Duration.ofMillis(10),
                Duration.ofMillis(100),
                1024,
                java.time.Clock.systemUTC(),
                dir,
                0));
    try (StateLock held = store.lock("x", Deadline.none())) {
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> store.upsert("x", BODY, Deadline.none()));
      assertEquals(ErrorKind.TIMEOUT, e.kind());
      assertNotNull(held);
    }
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(0, files.count());
    }
  }

  @Test
  void turnedOffItRethrowsTheSameFailure() {
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store = store(backend, null);
    backend.failWith = ErrorKind.UNAVAILABLE;
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> store.upsert("x", BODY, Deadline.none()));
    assertFalse(e.getMessage().contains("saved"), e.getMessage());
  }

  @Test
  void unwritableFallbackDirIsReportedWithTheOriginalKind() throws Exception {
    Path blocker = Files.writeString(dir.resolve("a-file"), "x");
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store = store(backend, blocker.resolve("sub"));
    backend.failWith = ErrorKind.UNAVAILABLE;
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> store.upsert("x", BODY, Deadline.none()));
    assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    assertTrue(e.getMessage().contains("could not be saved to fallback_dir"), e.getMessage());
    assertEquals(1, e.getSuppressed().length);
  }

  @Test
  void fileNamesAreSafeWhateverTheId() throws Exception {
    assertEquals("dev_tap-x_y", FallbackFiles.safeName("dev:tap-x y"));
    assertEquals("_hidden", FallbackFiles.safeName(".hidden"));
    assertEquals("_t__", FallbackFiles.safeName("\u00e9t\u2603\u2603"));
    assertEquals(100, FallbackFiles.safeName("a".repeat(255)).length());
    Path saved = FallbackFiles.save(dir, "x", new byte[] {'{', '}'}, java.time.Instant.EPOCH);
    assertEquals(dir.toAbsolutePath().normalize(), saved.getParent());
    assertTrue(
        saved.getFileName().toString().matches("x\\.19700101T000000000Z\\.[0-9a-f]{8}\\.json"));
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left");
    }
  }
}
