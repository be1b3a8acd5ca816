package io.statestore.backend.file;

import io.statestore.spi.ObjectKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The low-level steps of atomic file writes: temporary files, full writes and syncs. */
final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  /** Temporary files end with this; their names start with a dot so tools skip them. */
  static final String TEMP_SUFFIX = ".tmp";

  private AtomicFiles() {}

  /** A fresh hidden temporary file name for an object, e.g. {@code .state.json.<uuid>.tmp}. */
  static String tempName(ObjectKind kind) {
    return "." + kind.fileName() + "." + UUID.randomUUID() + TEMP_SUFFIX;
  }

  /**
   * Creates {@code file}, which must not exist, with the full content, synced when asked. A file
   * created but not completely written is removed again.
   *
   * @throws java.nio.file.FileAlreadyExistsException when the file exists
   */
  static void createWith(Path file, byte[] content, boolean fsync) throws IOException {
    boolean created = false;
    try (FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      created = true;
      ByteBuffer buffer = ByteBuffer.wrap(content);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      if (fsync) {
        channel.force(true);
      }
    } catch (IOException | RuntimeException e) {
      if (created) {
        deleteQuietly(file);
      }
      throw e;
    }
  }

  /**
   * Flushes a directory's entries (a rename, a new or removed file) to disk. Some systems (Windows)
   * cannot open a directory for this; that is logged and ignored.
   */
  static void syncDirectory(Path dir) {
    try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException e) {
      LOG.debug("Could not sync directory {}: {}", dir, FileErrors.reason(e));
    }
  }

  /**
   * Reads a whole file without following a symbolic link at its last name component (a link fails
   * the read).
   */
  static byte[] readNoFollow(Path file) throws IOException {
    try (SeekableByteChannel channel =
        Files.newByteChannel(file, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
      return Channels.newInputStream(channel).readAllBytes();
    }
  }

  /** Deletes a file if it exists, logging (not throwing) a failure. */
  static void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      LOG.warn("Could not delete {}: {}", file, FileErrors.reason(e));
    }
  }
}
