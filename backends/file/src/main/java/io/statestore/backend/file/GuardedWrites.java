package io.statestore.backend.file;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The writes and deletes of a file store. The content goes to a synced temporary file first; the
 * version check and the rename, hard link or delete that follows run under the {@link StoreGuard},
 * so that they are atomic against every thread and process using statestore on the directory.
 */
final class GuardedWrites {
  private static final Logger LOG = LoggerFactory.getLogger(GuardedWrites.class);

  /** How often a write re-creates a state directory that a concurrent delete removed. */
  private static final int DIRECTORY_ATTEMPTS = 5;

  private final StatePaths paths;
  private final Path root;
  private final StoreRoot storeRoot;
  private final StoreGuard guard;
  private final boolean fsync;
  private final AtomicBoolean warnedNoHardLinks = new AtomicBoolean();

  GuardedWrites(StatePaths paths, StoreRoot storeRoot, StoreGuard guard, boolean fsync) {
    this.paths = paths;
    this.root = paths.root();
    this.storeRoot = storeRoot;
    this.guard = guard;
    this.fsync = fsync;
  }

  /** Writes one object atomically, as its precondition asks. */
  Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    Path dir = paths.stateDirectory(stateId);
    Path target = dir.resolve(kind.fileName());
    StoreEntries.refuseLinks(dir, kind, stateId);
    boolean createdDir = false;
    boolean done = false;
    try {
      storeRoot.createIfMissing();
      Path temp = null;
      for (int attempt = 1; temp == null; attempt++) {
        createdDir |= StoreEntries.ensureDirectory(dir, stateId);
        Path candidate = dir.resolve(AtomicFiles.tempName(kind));
        try {
          AtomicFiles.createWith(candidate, content, fsync);
          temp = candidate;
        } catch (NoSuchFileException e) {
          // A concurrent delete removed the directory while it was empty: make it again.
          if (attempt >= DIRECTORY_ATTEMPTS || !Files.isDirectory(root)) {
            throw e;
          }
        }
      }
      try {
        if (precondition instanceof Precondition.Absent) {
          createFrom(temp, target, content, stateId, kind);
        } else {
          replaceWith(temp, target, precondition, stateId, kind);
        }
      } finally {
        AtomicFiles.deleteQuietly(temp);
      }
      if (fsync) {
        AtomicFiles.syncDirectory(dir);
        if (createdDir) {
          AtomicFiles.syncDirectory(root);
        }
      }
      done = true;
      if (kind == ObjectKind.STATE) {
        AtomicFiles.removeOrphans(dir, Instant.now());
      }
      return ContentVersions.of(content);
    } catch (IOException e) {
      throw FileErrors.map(e, "write the " + StatePaths.what(stateId, kind), target, root);
    } finally {
      if (!done && createdDir) {
        StoreEntries.removeIfEmpty(dir);
      }
    }
  }

  /** Renames {@code temp} over {@code target} under the guard, checking a version first. */
  private void replaceWith(
      Path temp, Path target, Precondition precondition, String stateId, ObjectKind kind)
      throws IOException {
    Version expected = expectedVersion(precondition);
    guard.call(
        () -> {
          StoreEntries.refuseLinks(target.getParent(), kind, stateId);
          if (expected != null) {
            StoreEntries.checkVersion(target, expected, stateId, kind);
          }
          Files.move(
              temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
          return null;
        });
  }

  /**
   * Creates {@code target} only if absent, with the full content at once: a hard link to the
   * written temporary file. Where hard links are not supported, falls back to {@code CREATE_NEW}
   * and writing in place.
   */
  private void createFrom(Path temp, Path target, byte[] content, String stateId, ObjectKind kind)
      throws IOException {
    try {
      Files.createLink(target, temp);
      return;
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(stateId, kind, target, e);
    } catch (UnsupportedOperationException e) {
      warnNoHardLinks(target, e.toString());
    } catch (FileSystemException e) {
      if (e.getClass() != FileSystemException.class) {
        throw e; // access denied, no such file: not about hard links
      }
      warnNoHardLinks(target, FileErrors.reason(e));
    }
    try {
      AtomicFiles.createWith(target, content, fsync);
    } catch (FileAlreadyExistsException e) {
      throw alreadyExists(stateId, kind, target, e);
    }
  }

  private void warnNoHardLinks(Path target, String reason) {
    if (warnedNoHardLinks.compareAndSet(false, true)) {
      LOG.warn(
          "Could not hard-link {} ({}); creating files with CREATE_NEW instead, so a reader may"
              + " briefly see a lock file partly written",
          target,
          reason);
    }
  }

  private static StateStoreException alreadyExists(
      String stateId, ObjectKind kind, Path target, IOException cause) {
    return new StateStoreException(
        ErrorKind.ALREADY_EXISTS,
        "The " + StatePaths.what(stateId, kind) + " already exists (" + target + ")",
        cause);
  }

  /** Deletes one object under the guard, checking its version first when asked to. */
  boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    Path dir = paths.stateDirectory(stateId);
    Path target = dir.resolve(kind.fileName());
    Version expected = expectedVersion(precondition);
    try {
      boolean deleted =
          guard.call(
              () -> {
                StoreEntries.refuseLinks(dir, kind, stateId);
                if (expected != null) {
                  StoreEntries.checkVersion(target, expected, stateId, kind);
                }
                return Files.deleteIfExists(target);
              });
      if (deleted) {
        boolean removedDir = StoreEntries.removeIfEmpty(dir);
        if (fsync) {
          AtomicFiles.syncDirectory(removedDir ? root : dir);
        }
      }
      return deleted;
    } catch (IOException e) {
      throw FileErrors.map(e, "delete the " + StatePaths.what(stateId, kind), target, root);
    }
  }

  /** The version a precondition requires, or {@code null} when it requires none. */
  private static Version expectedVersion(Precondition precondition) {
    return precondition instanceof Precondition.Matches m ? m.version() : null;
  }
}
