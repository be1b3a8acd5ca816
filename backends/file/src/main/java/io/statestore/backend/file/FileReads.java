package io.statestore.backend.file;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reads of a file store: one object file, or a listing of the state directories. Reads take no
 * guard (a rename or hard link makes every file whole) and never follow symbolic links.
 */
final class FileReads {
  private static final Logger LOG = LoggerFactory.getLogger(FileReads.class);

  private final StatePaths paths;
  private final Path root;
  private final StoreRoot storeRoot;

  FileReads(StatePaths paths, StoreRoot storeRoot) {
    this.paths = paths;
    this.root = paths.root();
    this.storeRoot = storeRoot;
  }

  /** Reads one object; a missing one, or a symbolic link, is empty. */
  Optional<StoredObject> read(String stateId, ObjectKind kind) {
    Path dir = paths.stateDirectory(stateId);
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
            "The " + StatePaths.what(stateId, kind) + ", " + file + ", is not a regular file");
      }
      byte[] content = AtomicFiles.readNoFollow(file);
      return Optional.of(
          new StoredObject(
              content, attrs.lastModifiedTime().toInstant(), ContentVersions.of(content)));
    } catch (NoSuchFileException e) {
      if (!Files.isDirectory(root)) {
        throw FileErrors.map(e, "read the " + StatePaths.what(stateId, kind), file, root);
      }
      return Optional.empty();
    } catch (IOException e) {
      throw FileErrors.map(e, "read the " + StatePaths.what(stateId, kind), file, root);
    }
  }

  /** The ids that have an object of {@code kind}, in id order; object files are checked lazily. */
  Stream<ListedState> list(ObjectKind kind, String prefix) {
    String start = prefix == null ? "" : prefix;
    storeRoot.refuseReadIfMissing();
    List<Entry> entries = new ArrayList<>();
    try (DirectoryStream<Path> names = Files.newDirectoryStream(root)) {
      for (Path dir : names) {
        Optional<String> stateId = paths.stateIdOf(dir);
        if (stateId.isEmpty()) {
          continue;
        }
        if (StoreEntries.isLink(dir)) {
          LOG.debug("Not listing {}: a symbolic link is not a state", dir);
          continue;
        }
        stateId.filter(id -> id.startsWith(start)).ifPresent(id -> entries.add(new Entry(id, dir)));
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
      throw FileErrors.map(e, "list the " + StatePaths.what(entry.stateId(), kind), file, root);
    } catch (FileSystemException e) {
      return Optional.empty(); // gone since, or not a directory: not a state
    } catch (IOException e) {
      throw FileErrors.map(e, "list the " + StatePaths.what(entry.stateId(), kind), file, root);
    }
  }
}
