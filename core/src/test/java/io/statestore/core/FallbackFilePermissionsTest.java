package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fallback files hold state bodies and their names show state ids: the directory is created
 * owner-only, and every file in it is owner-only, whatever the umask lets others have.
 */
class FallbackFilePermissionsTest {
  private static final String BODY = "{\"completed\": {\"n\": 7}, \"partial\": {}}";

  @TempDir Path dir;

  @Test
  void theDirectoryAndItsFilesAreOwnerOnly() throws Exception {
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    Path fallback = dir.resolve(".statestore").resolve("fallback");
    FailingWritesBackend backend = new FailingWritesBackend();
    StateStore store =
        new StateStore(
            backend,
            StoreOptions.defaults()
                .withLockTiming(Duration.ofSeconds(5), Duration.ofMillis(10))
                .withFallbackDir(fallback));
    backend.failWith = ErrorKind.UNAVAILABLE;
    assertThrows(
        StateStoreException.class, () -> store.upsert("dev:secret-id", BODY, Deadline.none()));
    assertEquals(
        PosixFilePermissions.fromString("rwx------"), Files.getPosixFilePermissions(fallback));
    assertEquals(
        PosixFilePermissions.fromString("rwx------"),
        Files.getPosixFilePermissions(fallback.getParent()));
    List<Path> files;
    try (Stream<Path> s = Files.list(fallback)) {
      files = s.toList();
    }
    assertEquals(1, files.size(), files.toString());
    for (Path f : files) {
      assertTrue(f.getFileName().toString().startsWith("dev_secret-id."), f.toString());
      assertEquals(
          PosixFilePermissions.fromString("rw-------"), Files.getPosixFilePermissions(f), f + "");
    }
  }
}
