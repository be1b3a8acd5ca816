package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a body the store failed to take, like Terraform's {@code errored.tfstate}: when a write
 * fails because the store is unreachable, timed out or refused it, the document is saved atomically
 * to a local file whose path the error names, so the state can be pushed again later.
 *
 * <p>File names are {@code <state id made safe>.<UTC time>.<random>.json}: only ASCII letters,
 * digits, {@code -}, {@code _} and {@code .} are kept from the id (others become {@code _}), so an
 * id can never name a path outside the directory.
 */
final class FallbackFiles {
  private static final Logger LOG = LoggerFactory.getLogger(FallbackFiles.class);
  private static final int MAX_ID_CHARS = 100;
  private static final Set<PosixFilePermission> OWNER_DIR =
      PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> OWNER_FILE =
      PosixFilePermissions.fromString("rw-------");
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);

  private FallbackFiles() {}

  /** Whether a failure of this kind means the store did not take the write and may not for now. */
  static boolean isStoreFailure(StateStoreException e) {
    if (e instanceof LockWaitTimeoutException) {
      return false;
    }
    return e.kind() == ErrorKind.UNAVAILABLE
        || e.kind() == ErrorKind.TIMEOUT
        || e.kind() == ErrorKind.DENIED;
  }

  /**
   * Returns the exception to throw for a failed write of {@code document}: {@code failure} itself
   * when it is not a store failure or fallback files are off; otherwise an exception of the same
   * kind whose message also names the file the document was saved to (or why it could not be).
   */
  static StateStoreException keep(
      Path dir, String stateId, byte[] document, Instant now, StateStoreException failure) {
    if (dir == null || !isStoreFailure(failure)) {
      return failure;
    }
    try {
      Path file = save(dir, stateId, document, now);
      LOG.warn(
          "The write of state_id {} failed ({}); its body was saved to {}",
          StateIds.quote(stateId),
          failure.kind(),
          file);
      return new StateStoreException(
          failure.kind(),
          failure.getMessage()
              + "; the body was not written to the store but saved to "
              + file
              + " (push it again later, e.g. with an UPDATE of state_id "
              + StateIds.quote(stateId)
              + ")",
          failure);
    } catch (IOException | RuntimeException e) {
      LOG.error(
          "The write of state_id {} failed and its body could not be saved to fallback_dir {}",
          StateIds.quote(stateId),
          dir.toAbsolutePath(),
          e);
      StateStoreException out =
          new StateStoreException(
              failure.kind(),
              failure.getMessage()
                  + "; the body could not be saved to fallback_dir "
                  + dir.toAbsolutePath()
                  + " either ("
                  + e.getClass().getSimpleName()
                  + ")",
              failure);
      out.addSuppressed(e);
      return out;
    }
  }

  /** Saves a document atomically and returns the absolute path of the file. */
  static Path save(Path dir, String stateId, byte[] document, Instant now) throws IOException {
    Path root = dir.toAbsolutePath().normalize();
    boolean posix = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    if (posix) {
      createPrivateDirectories(root);
    } else {
      Files.createDirectories(root);
    }
    String name = safeName(stateId) + "." + STAMP.format(now) + "." + shortRandom() + ".json";
    Path target = root.resolve(name);
    Path temp = root.resolve("." + name + ".tmp");
    try {
      // Born owner-only: the permissions are given at creation, never widened by the umask.
      FileAttribute<?>[] attrs =
          posix
              ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_FILE)}
              : new FileAttribute<?>[0];
      try (SeekableByteChannel out =
          Files.newByteChannel(
              temp, EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attrs)) {
        ByteBuffer buf = ByteBuffer.wrap(document);
        while (buf.hasRemaining()) {
          out.write(buf);
        }
      }
      try {
        Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    return target;
  }

  /** The state id reduced to characters that are safe in a file name on every system. */
  static String safeName(String stateId) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < stateId.length() && sb.length() < MAX_ID_CHARS; i++) {
      char c = stateId.charAt(i);
      boolean safe =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '-'
              || c == '_'
              || (c == '.' && sb.length() > 0);
      sb.append(safe ? c : '_');
    }
    return sb.length() == 0 ? "state" : sb.toString();
  }

  private static String shortRandom() {
    return UUID.randomUUID().toString().substring(0, 8);
  }

  /**
   * Creates the missing directories of {@code root} owner-only ({@code rwx------}): file names show
   * state ids. An existing directory is left as it is (it may be one the user chose to share), with
   * a warning when other users can list it.
   */
  private static void createPrivateDirectories(Path root) throws IOException {
    Path missing = root;
    java.util.Deque<Path> toCreate = new java.util.ArrayDeque<>();
    while (missing != null && !Files.isDirectory(missing)) {
      toCreate.push(missing);
      missing = missing.getParent();
    }
    for (Path d : toCreate) {
      try {
        Files.createDirectory(d, PosixFilePermissions.asFileAttribute(OWNER_DIR));
        // The umask may have taken bits from the owner; it never gives any to others.
        Files.setPosixFilePermissions(d, OWNER_DIR);
      } catch (FileAlreadyExistsException e) {
        if (!Files.isDirectory(d)) {
          throw e;
        }
      }
    }
    if (toCreate.isEmpty()) {
      Set<PosixFilePermission> perms = Files.getPosixFilePermissions(root);
      if (perms.contains(PosixFilePermission.OTHERS_READ)
          || perms.contains(PosixFilePermission.GROUP_READ)) {
        LOG.warn(
            "fallback_dir {} can be listed by other users, and fallback file names show state ids;"
                + " restrict it to its owner (chmod 700)",
            root);
      }
    }
  }
}
