package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Temporary files a writer killed mid-write leaves behind are removed by the next write in that
 * directory once they are old enough; nothing else is touched.
 */
class OrphanTempFilesTest {
  private static final byte[] DOC =
      "{\"completed\": {}, \"partial\": {}}".getBytes(StandardCharsets.UTF_8);

  @TempDir Path dir;

  private static Path file(Path dir, String name, Instant modified) throws Exception {
    Path p = Files.writeString(dir.resolve(name), "partial");
    Files.setLastModifiedTime(p, FileTime.from(modified));
    return p;
  }

  @Test
  void oldOrphanedTempFilesAreRemovedByTheNextWriteAndNothingElse() throws Exception {
    FileBackend backend = FileBackend.open(dir, FileLayout.POSIX, false);
    backend.write("s", ObjectKind.STATE, DOC, Precondition.none());
    Path stateDir = dir.resolve("s");
    Instant old = Instant.now().minus(2, ChronoUnit.HOURS);
    Path orphanState = file(stateDir, ".state.json." + UUID.randomUUID() + ".tmp", old);
    Path orphanLock = file(stateDir, ".lock." + UUID.randomUUID() + ".tmp", old);
    Path fresh = file(stateDir, ".state.json." + UUID.randomUUID() + ".tmp", Instant.now());
    Path foreign = file(stateDir, ".state.json.mine.tmp", old);
    Path other = file(stateDir, "notes.tmp", old);

    backend.write("s", ObjectKind.STATE, DOC, Precondition.none());

    assertFalse(Files.exists(orphanState), "old orphan of a state write removed");
    assertFalse(Files.exists(orphanLock), "old orphan of a lock write removed");
    assertTrue(Files.exists(fresh), "a temporary file another writer may still use is kept");
    assertTrue(Files.exists(foreign), "a name the backend never makes is kept");
    assertTrue(Files.exists(other));
    assertEquals(
        new String(DOC, StandardCharsets.UTF_8), Files.readString(stateDir.resolve("state.json")));
  }
}
