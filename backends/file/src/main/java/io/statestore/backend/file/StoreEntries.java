package io.statestore.backend.file;

import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The entries of a file store as they are, never following symbolic links: a state's directory and
 * its {@code state.json} and {@code lock} count only as real directories and regular files. A
 * symbolic link at any of them is not a state (never listed or read) and is never written, replaced
 * or deleted through: writes and deletes refuse it with {@link ErrorKind#CORRUPT}, naming it.
 */
final class StoreEntries {
  private static final Logger LOG = LoggerFactory.getLogger(StoreEntries.class);

  private StoreEntries() {}

  /** The entry's own attributes (a link's, not its target's), empty when there is none. */
  static Optional<BasicFileAttributes> attributes(Path entry) throws IOException {
    try {
      return Optional.of(
          Files.readAttributes(entry, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS));
    } catch (NoSuchFileException e) {
      return Optional.empty();
    }
  }

  /** Whether the entry itself is a symbolic link. */
  static boolean isLink(Path entry) {
    return Files.isSymbolicLink(entry);
  }

  /** Refuses a state directory or object file that is a symbolic link, naming it. */
  static void refuseLink(Path entry, String stateId, String what) {
    if (isLink(entry)) {
      throw new StateStoreException(
          ErrorKind.CORRUPT,
          "The "
              + what
              + " of state_id "
              + StateIds.quote(stateId)
              + ", "
              + entry
              + ", is a symbolic link; the file store never follows links out of its directory."
              + " Replace the link with a real directory or file, or remove it, by hand");
    }
  }

  /** Refuses a state directory or object that is a symbolic link (see {@link #refuseLink}). */
  static void refuseLinks(Path dir, ObjectKind kind, String stateId) {
    refuseLink(dir, stateId, "directory");
    refuseLink(dir.resolve(kind.fileName()), stateId, kind.fileName());
  }

  /**
   * Makes a state's directory.
   *
   * @return whether it was created (rather than found)
   */
  static boolean ensureDirectory(Path dir, String stateId) throws IOException {
    try {
      Files.createDirectory(dir);
      return true;
    } catch (FileAlreadyExistsException e) {
      refuseLink(dir, stateId, "directory");
      if (Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      throw new StateStoreException(
          ErrorKind.CORRUPT,
          "The directory of state_id "
              + StateIds.quote(stateId)
              + ", "
              + dir
              + ", exists but is not a directory",
          e);
    }
  }

  /**
   * Removes a state's directory if it is a real directory (never a symbolic link) with nothing left
   * in it; returns whether it did.
   */
  static boolean removeIfEmpty(Path dir) {
    try {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
      Files.delete(dir);
      return true;
    } catch (DirectoryNotEmptyException | NoSuchFileException e) {
      return false;
    } catch (IOException e) {
      LOG.debug("Could not remove the state directory {}: {}", dir, FileErrors.reason(e));
      return false;
    }
  }

  /** Fails with {@link ErrorKind#CONFLICT} unless the file exists with the expected version. */
  static void checkVersion(Path file, Version expected, String stateId, ObjectKind kind)
      throws IOException {
    byte[] current;
    try {
      current = AtomicFiles.readNoFollow(file);
    } catch (NoSuchFileException e) {
      throw new StateStoreException(
          ErrorKind.CONFLICT,
          "The "
              + StatePaths.what(stateId, kind)
              + " no longer exists (expected version "
              + expected
              + ")",
          e);
    }
    if (!ContentVersions.of(current).equals(expected)) {
      throw new StateStoreException(
          ErrorKind.CONFLICT,
          "The "
              + StatePaths.what(stateId, kind)
              + " was changed by someone else (expected version "
              + expected
              + ")");
    }
  }
}
