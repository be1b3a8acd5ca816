package io.statestore.backend.file;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The store directory of a file store and whether it existed when the store was opened. A store
 * directory that does not exist is never created by a read: listing it fails naming it (a typo in a
 * path must not read as an empty store), reading one state finds nothing (as a writer checks before
 * it writes); the first write creates it, owner-only, as Meltano creates it on its first write. A
 * directory that existed and was removed later is not re-created: the read or write reports it
 * ({@link ErrorKind#UNAVAILABLE}).
 */
final class StoreRoot {
  private final Path root;
  private final AtomicBoolean missing;

  StoreRoot(Path root) {
    this.root = root;
    this.missing = new AtomicBoolean(!Files.isDirectory(root));
  }

  /** Whether the directory has not existed since the store was opened (and does not now). */
  boolean neverExisted() {
    if (missing.get() && Files.isDirectory(root)) {
      missing.set(false);
    }
    return missing.get();
  }

  /** Fails when the directory has not existed since the store was opened. */
  void refuseReadIfMissing() {
    if (!missing.get()) {
      return;
    }
    if (Files.isDirectory(root)) {
      missing.set(false);
      return;
    }
    throw new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        "The file store directory "
            + root
            + " does not exist; check the path (a read never creates it; the first write does)");
  }

  /** Creates the directory and its missing parents, owner-only, if it was missing when opened. */
  void createIfMissing() throws IOException {
    if (!missing.get()) {
      return;
    }
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      Files.createDirectories(
          root, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
    } else {
      Files.createDirectories(root);
    }
    missing.set(false);
  }
}
