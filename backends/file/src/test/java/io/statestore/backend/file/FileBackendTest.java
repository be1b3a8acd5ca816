package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What the contract suite cannot see: files on disk, odd directories, errors, two instances. */
class FileBackendTest {
  @TempDir Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static ErrorKind kindOf(Runnable r) {
    return assertThrows(StateStoreException.class, r::run).kind();
  }

  private static List<String> ids(FileBackend b, ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = b.list(kind, prefix)) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }

  private static Set<String> entries(Path d) throws IOException {
    try (Stream<Path> s = Files.list(d)) {
      return s.map(p -> p.getFileName().toString()).collect(Collectors.toSet());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"..", ".", "", "a/b", "../escape", "/abs", "x/../../y", "nul\u0000"})
  void idsThatWouldLeaveTheRootAreRefusedByTheBackendItself(String id) throws IOException {
    FileBackend b =
        FileBackend.open(TestDirs.existing(dir.resolve("store")), FileLayout.POSIX, false);
    assertEquals(ErrorKind.INVALID_INPUT, kindOf(() -> b.read(id, ObjectKind.STATE)));
    assertEquals(
        ErrorKind.INVALID_INPUT,
        kindOf(() -> b.write(id, ObjectKind.STATE, bytes("{}"), Precondition.none())));
    assertEquals(
        ErrorKind.INVALID_INPUT, kindOf(() -> b.delete(id, ObjectKind.STATE, Precondition.none())));
    assertEquals(Set.of("store"), entries(dir), "nothing written next to the store");
  }

  @Test
  void theGuardFileNameIsNotAStateId() {
    FileBackend b = FileBackend.open(dir, FileLayout.POSIX, false);
    assertEquals(
        ErrorKind.INVALID_INPUT,
        kindOf(
            () ->
                b.write(StoreGuard.FILE_NAME, ObjectKind.LOCK, bytes("1.0"), Precondition.none())));
  }

  @Test
  void oddEntriesInTheStoreDirectoryAreSkipped() throws IOException {
    Files.writeString(dir.resolve("stray.txt"), "x");
    Files.createDirectories(dir.resolve("empty-dir"));
    Files.createDirectories(dir.resolve("only-temp"));
    Files.writeString(dir.resolve("only-temp").resolve(".state.json.123.tmp"), "{");
    Files.createDirectories(dir.resolve("not base64!"));
    Files.writeString(dir.resolve("not base64!").resolve("state.json"), "{}");
    Files.createDirectories(dir.resolve("wyg=")); // decodes to 0xC3 0x28: not UTF-8
    Files.createDirectories(dir.resolve("YQ")); // "a" without its padding: not canonical
    Files.writeString(dir.resolve("YQ").resolve("state.json"), "{}");

    FileBackend posix = FileBackend.open(dir, FileLayout.POSIX, false);
    posix.write("real", ObjectKind.STATE, bytes("{}"), Precondition.none());
    assertEquals(List.of("YQ", "not base64!", "real"), ids(posix, ObjectKind.STATE, ""));

    FileBackend base64 = FileBackend.open(dir, FileLayout.BASE64, false);
    base64.write("real", ObjectKind.STATE, bytes("{}"), Precondition.none());
    assertEquals(List.of("real"), ids(base64, ObjectKind.STATE, ""));
  }

  @Test
  void noTemporaryFilesAreLeftBehind() throws IOException {
    FileBackend b = FileBackend.open(dir, FileLayout.POSIX, true);
    Version v = b.write("s", ObjectKind.STATE, bytes("{\"a\": 1}"), Precondition.none());
    b.write("s", ObjectKind.STATE, bytes("{\"a\": 2}"), Precondition.matches(v));
    b.write("s", ObjectKind.LOCK, bytes("1.0"), Precondition.absent());
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kindOf(() -> b.write("s", ObjectKind.LOCK, bytes("2.0"), Precondition.absent())));
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(() -> b.write("s", ObjectKind.STATE, bytes("{}"), Precondition.matches(v))));
    assertEquals(Set.of("state.json", "lock"), entries(dir.resolve("s")));

    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(() -> b.write("new", ObjectKind.STATE, bytes("{}"), Precondition.matches(v))));
    assertFalse(Files.exists(dir.resolve("new")), "no directory left by a refused write");
  }

  @Test
  void versionsFollowTheContentSoInPlaceWritesAreSeen() throws IOException {
    FileBackend b = FileBackend.open(dir, FileLayout.POSIX, false);
    Version v = b.write("s", ObjectKind.STATE, bytes("{\"a\": 1}"), Precondition.none());
    assertEquals(v, b.read("s", ObjectKind.STATE).orElseThrow().version());

    // Meltano writes in place (open(path, "w+")): same inode, new content.
    Files.writeString(dir.resolve("s").resolve("state.json"), "{\"a\": 2}");
    Version now = b.read("s", ObjectKind.STATE).orElseThrow().version();
    assertNotEquals(v, now);
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(() -> b.write("s", ObjectKind.STATE, bytes("{}"), Precondition.matches(v))));
    assertEquals(64, now.token().length(), "hex SHA-256");
  }

  @Test
  void deletingTheLastObjectRemovesTheStateDirectory() throws IOException {
    FileBackend b = FileBackend.open(dir, FileLayout.POSIX, true);
    b.write("s", ObjectKind.STATE, bytes("{}"), Precondition.none());
    b.write("s", ObjectKind.LOCK, bytes("1.0"), Precondition.absent());
    assertTrue(b.delete("s", ObjectKind.STATE, Precondition.none()));
    assertTrue(Files.isDirectory(dir.resolve("s")), "kept while the lock is there");
    Version lock = b.read("s", ObjectKind.LOCK).orElseThrow().version();
    assertTrue(b.delete("s", ObjectKind.LOCK, Precondition.matches(lock)));
    assertFalse(Files.exists(dir.resolve("s")));
    assertEquals(
        ErrorKind.CONFLICT,
        kindOf(() -> b.delete("s", ObjectKind.LOCK, Precondition.matches(lock))));
  }

  @Test
  void aRemovedStoreDirectoryIsUnavailable() throws IOException {
    Path root = dir.resolve("store");
    FileBackend b = FileBackend.open(TestDirs.existing(root), FileLayout.POSIX, false);
    Files.delete(root);
    for (Runnable r :
        List.<Runnable>of(
            () -> b.read("s", ObjectKind.STATE),
            () -> ids(b, ObjectKind.STATE, ""),
            () -> b.write("s", ObjectKind.STATE, bytes("{}"), Precondition.none()),
            () -> b.write("s", ObjectKind.LOCK, bytes("1.0"), Precondition.absent()),
            () -> b.delete("s", ObjectKind.STATE, Precondition.none()))) {
      StateStoreException e = assertThrows(StateStoreException.class, r::run);
      assertEquals(ErrorKind.UNAVAILABLE, e.kind(), e.getMessage());
      assertTrue(e.getMessage().contains(root.toString()), e.getMessage());
    }
  }

  @Test
  void permissionProblemsAreDenied() throws IOException {
    assumeTrue(
        Files.getFileAttributeView(dir, java.nio.file.attribute.PosixFileAttributeView.class)
            != null,
        "POSIX permissions");
    FileBackend b = FileBackend.open(dir, FileLayout.POSIX, false);
    b.write("s", ObjectKind.STATE, bytes("{}"), Precondition.none());
    Path stateDir = dir.resolve("s");
    Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("r-x------"));
    try {
      assumeTrue(!Files.isWritable(stateDir), "not running as root");
      StateStoreException e =
          assertThrows(
              StateStoreException.class,
              () -> b.write("s", ObjectKind.STATE, bytes("{}"), Precondition.none()));
      assertEquals(ErrorKind.DENIED, e.kind());
      assertTrue(e.getMessage().contains("'s'"), e.getMessage());
    } finally {
      Files.setPosixFilePermissions(stateDir, PosixFilePermissions.fromString("rwx------"));
    }
  }

  @Test
  void twoInstancesOnOneDirectoryRaceSafely() throws Exception {
    FileBackend first = FileBackend.open(dir, FileLayout.POSIX, false);
    FileBackend second = FileBackend.open(dir.resolve("x").resolve(".."), FileLayout.POSIX, false);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      for (int round = 0; round < 10; round++) {
        String id = "race-" + round;
        Version stale = first.write(id, ObjectKind.LOCK, bytes("1.5"), Precondition.absent());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
          FileBackend b = t % 2 == 0 ? first : second;
          byte[] mine = bytes("2." + t);
          results.add(
              pool.submit(
                  () -> {
                    start.await();
                    try {
                      b.write(id, ObjectKind.LOCK, mine, Precondition.matches(stale));
                      return true;
                    } catch (StateStoreException e) {
                      if (e.kind() != ErrorKind.CONFLICT) {
                        throw e;
                      }
                      return false;
                    }
                  }));
        }
        start.countDown();
        int wins = 0;
        for (Future<Boolean> f : results) {
          wins += f.get(30, TimeUnit.SECONDS) ? 1 : 0;
        }
        assertEquals(1, wins, "round " + round);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void describeIsTheFileUri() {
    FileBackend b = FileBackend.open(dir, FileLayout.POSIX, false);
    assertEquals("file://" + dir, b.describe());
    assertEquals(dir.resolve("a:b"), b.stateDirectory("a:b"));
  }
}
