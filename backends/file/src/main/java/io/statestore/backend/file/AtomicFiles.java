package io.statestore.backend.file;

import io.statestore.spi.ObjectKind;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The low-level steps of atomic file writes: temporary files, full writes and syncs. */
final class AtomicFiles {
  private static final Logger LOG = LoggerFactory.getLogger(AtomicFiles.class);

  /** Temporary files end with this; their names start with a dot so tools skip them. */
  static final String TEMP_SUFFIX = ".tmp";

  /**
   * How old a temporary file must be before a write removes it as orphaned (left by a writer killed
   * mid-write): far longer than any write takes.
   */
  static final Duration ORPHAN_AGE = Duration.ofHours(1);

  /** The names {@link #tempName} makes, and nothing else. */
  private static final Pattern TEMP_NAME =
      Pattern.compile(
          "\\.("
              + Arrays.stream(ObjectKind.values())
                  .map(k -> Pattern.quote(k.fileName()))
                  .collect(Collectors.joining("|"))
              + ")\\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
              + Pattern.quote(TEMP_SUFFIX));

  private AtomicFiles() {}

  /**
   * Removes from a state's directory the temporary files of this backend's own naming ({@link
   * #tempName}) that are regular files last modified over {@link #ORPHAN_AGE} ago. Failures are
   * logged, never thrown: this is housekeeping after a write that succeeded.
   */
  static void removeOrphans(Path dir, Instant now) {
    Instant before = now.minus(ORPHAN_AGE);
    try (DirectoryStream<Path> names = Files.newDirectoryStream(dir)) {
      for (Path p : names) {
        if (!TEMP_NAME.matcher(p.getFileName().toString()).matches()) {
          continue;
        }
        BasicFileAttributes attrs =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        if (attrs.isRegularFile() && attrs.lastModifiedTime().toInstant().isBefore(before)) {
          LOG.info("Removing {}, a temporary file left by an interrupted write", p);
          Files.deleteIfExists(p);
        }
      }
    } catch (IOException | DirectoryIteratorException e) {
      LOG.debug("Could not look for orphaned temporary files in {}: {}", dir, e.toString());
    }
  }

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
