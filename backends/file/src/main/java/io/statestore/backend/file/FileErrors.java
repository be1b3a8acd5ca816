package io.statestore.backend.file;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileLockInterruptionException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Maps file system failures to {@link StateStoreException}s that name the file, cause kept. */
final class FileErrors {
  private FileErrors() {}

  /**
   * Maps a failure.
   *
   * @param e the failure
   * @param what what was attempted, e.g. {@code "write the lock of state_id 'x'"}
   * @param path the file or directory at fault
   * @param root the store directory
   */
  static StateStoreException map(IOException e, String what, Path path, Path root) {
    if (e instanceof AccessDeniedException) {
      return new StateStoreException(
          ErrorKind.DENIED, "Permission denied: could not " + what + " (" + path + ")", e);
    }
    if (e instanceof ClosedByInterruptException || e instanceof FileLockInterruptionException) {
      Thread.currentThread().interrupt();
      return new StateStoreException(
          ErrorKind.CANCELLED, "Interrupted: could not " + what + " (" + path + ")", e);
    }
    if (e instanceof NoSuchFileException && !Files.isDirectory(root)) {
      return new StateStoreException(
          ErrorKind.UNAVAILABLE,
          "The store directory "
              + root
              + " does not exist (was it removed or unmounted?); could not "
              + what,
          e);
    }
    return new StateStoreException(
        ErrorKind.UNAVAILABLE, "Could not " + what + " (" + path + "): " + reason(e), e);
  }

  /** The reason of a failure without the file name a {@link FileSystemException} repeats. */
  static String reason(IOException e) {
    if (e instanceof NoSuchFileException) {
      return "no such file or directory";
    }
    if (e instanceof FileSystemException fse && fse.getReason() != null) {
      return fse.getReason();
    }
    return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
  }
}
