package io.statestore.backend.file;

import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.io.File;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * States as files in Meltano's local filesystem layout: {@code <dir>/<state_id>/state.json} and
 * {@code <dir>/<state_id>/lock} (the directory named by the id itself, or by its base64; see {@link
 * FileLayout}).
 *
 * <p>Writes are atomic: the content goes to a hidden temporary file in the state's directory, is
 * synced, and is then renamed over the target ({@link Precondition#none()}, {@link
 * Precondition#matches}) or hard-linked to it ({@link Precondition#absent()}: a create-if-absent
 * that never shows a partly written file). Version checks and the rename or delete that follows
 * them run under a {@link StoreGuard}, so they are atomic against every thread and process using
 * statestore on the directory. A {@link Version} is the SHA-256 of the content, so writes made in
 * place by Meltano are noticed too.
 *
 * <p>Thread-safe. Open one with {@link #open} or through {@link FileBackendProvider}.
 */
public final class FileBackend implements StateBackend {
  private static final Logger LOG = LoggerFactory.getLogger(FileBackend.class);

  /** How often a write re-creates a state directory that a concurrent delete removed. */
  private static final int DIRECTORY_ATTEMPTS = 5;

  private final Path root;
  private final FileLayout layout;
  private final boolean fsync;
  private final StoreGuard guard;
  private final FileNames fileNames = FileNames.forJvm();
  private final AtomicBoolean warnedNoHardLinks = new AtomicBoolean();
  private final StoreRoot storeRoot;

  private FileBackend(Path root, FileLayout layout, boolean fsync, StoreGuard guard) {
    this.root = root;
    this.layout = layout;
    this.fsync = fsync;
    this.guard = guard;
    this.storeRoot = new StoreRoot(root);
  }

  /**
   * Opens a store directory. A missing directory is not created here: reading it fails with {@link
   * ErrorKind#INVALID_CONFIGURATION} naming it, and the first write creates it (owner-only), as
   * Meltano does.
   *
   * @param directory the store directory
   * @param layout how state ids name their directories
   * @param fsync whether writes are synced to disk before they return
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when the path is a file
   */
  public static FileBackend open(Path directory, FileLayout layout, boolean fsync) {
    Path root = directory.toAbsolutePath().normalize();
    if (Files.exists(root) && !Files.isDirectory(root)) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The file store directory " + root + " exists but is not a directory");
    }
    FileBackend backend = new FileBackend(root, layout, fsync, new StoreGuard(root));
    LOG.debug("Opened {} (layout {}, fsync {})", backend.describe(), layout, fsync);
    return backend;
  }

  /** The store directory. */
  public Path root() {
    return root;
  }

  /** The layout in use. */
  public FileLayout layout() {
    return layout;
  }

  @Override
  public StateIdRule idRule() {
    return layout.idRule(); // one directory name of the layout
  }

  /**
   * The directory of a state id.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_INPUT} when the id cannot name a directory
   *     directly under the store directory
   */
  public Path stateDirectory(String stateId) {
    String name = layout.directoryName(stateId);
    Path dir;
    try {
      dir = fileNames.resolve(root, name).normalize();
    } catch (IllegalArgumentException e) { // InvalidPathException, or a URI Path.of refuses
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT,
          "Invalid state_id "
              + StateIds.quote(stateId)
              + ": it cannot name a directory here ("
              + (e instanceof InvalidPathException p ? p.getReason() : e.getMessage())
              + ")",
          e);
    }
    if (name.isEmpty() || !root.equals(dir.getParent()) || !name.equals(fileNames.name(dir))) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT,
          "Invalid state_id "
              + StateIds.quote(stateId)
              + ": it would resolve outside the store directory "
              + root);
    }
    return dir;
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    Path dir = stateDirectory(stateId);
    Path file = dir.resolve(kind.fileName());
    if (storeRoot.neverExisted()) {
      return Optional.empty(); // nothing is there; a writer reads before it writes
    }
    try {
      if (StoreEntries.isLink(dir) || StoreEntries.isLink(file)) {
        LOG.debug("Not reading {}: a symbolic link is not a state", file);
        return Optional.empty();
      }
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      if (!attrs.isRegularFile()) {
        throw new StateStoreException(
            ErrorKind.CORRUPT,
            "The " + what(stateId, kind) + ", " + file + ", is not a regular file");
      }
      byte[] content = AtomicFiles.readNoFollow(file);
      return Optional.of(
          new StoredObject(
              content, attrs.lastModifiedTime().toInstant(), ContentVersions.of(content)));
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(root)) {
        throw FileErrors.map(e, "read the " + what(stateId, kind), file, root);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw FileErrors.map(e, "read the " + what(stateId, kind), file, root);
    }
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    String start = prefix == null ? "" : prefix;
    storeRoot.refuseReadIfMissing();
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> names = Files.newDirectoryStream(root)) {
      for (Path dir : names) {
        String name = fileNames.name(dir);
        if (name.equals(StoreGuard.FILE_NAME)) {
          continue;
        }
        if (StoreEntries.isLink(dir)) {
          LOG.debug("Not listing {}: a symbolic link is not a state", dir);
          continue;
        }
        layout
            .stateId(name)
            .filter(id -> id.startsWith(start))
            .ifPresent(id -> entries.add(new Entry(id, dir)));
      }
    } catch (DirectoryIteratorException e) {
      throw FileErrors.map(e.getCause(), "list the file store directory", root, root);
    } catch (IOException e) {
      throw FileErrors.map(e, "list the file store directory", root, root);
    }
    entries.sort(Comparator.comparing(Entry::stateId));
    return entries.stream().map(e -> listed(e, kind)).flatMap(Optional::stream);
  }

  /** A directory that names a state id; whether it holds an object is checked lazily. */
  private record Entry(String stateId, Path dir) {}

  private Optional<ListedState> listed(Entry entry, ObjectKind kind) {
    Path file = entry.dir().resolve(kind.fileName());
    try {
      BasicFileAttributes attrs =
          Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
      return attrs.isRegularFile()
          ? Optional.of(new ListedState(entry.stateId(), attrs.lastModifiedTime().toInstant()))
          : Optional.empty();
    } catch (AccessDeniedException e) {
      throw FileErrors.map(e, "list the " + what(entry.stateId(), kind), file, root);
    } catch (FileSystemException e) {
      return Optional.empty(); // gone since, or not a directory: not a state
    } catch (IOException e) {
      throw FileErrors.map(e, "list the " + what(entry.stateId(), kind), file, root);
    }
  }

  // ---------------------------------------------------------------- writes

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    Path dir = stateDirectory(stateId);
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
      throw FileErrors.map(e, "write the " + what(stateId, kind), target, root);
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
        "The " + what(stateId, kind) + " already exists (" + target + ")",
        cause);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    Path dir = stateDirectory(stateId);
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
      throw FileErrors.map(e, "delete the " + what(stateId, kind), target, root);
    }
  }

  /** The version a precondition requires, or {@code null} when it requires none. */
  private static Version expectedVersion(Precondition precondition) {
    return precondition instanceof Precondition.Matches m ? m.version() : null;
  }

  static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id " + StateIds.quote(stateId);
  }

  @Override
  public String describe() {
    String path = root.toString().replace(File.separatorChar, '/');
    return "file://" + (path.startsWith("/") ? path : "/" + path);
  }

  @Override
  public String toString() {
    return describe();
  }
}
