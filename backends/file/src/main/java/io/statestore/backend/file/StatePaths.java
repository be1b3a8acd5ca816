package io.statestore.backend.file;

import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where a store's objects are: the store directory, one directory per state id named by the {@link
 * FileLayout}, the object files in it. Resolving an id never leaves the store directory.
 */
final class StatePaths {
  private final Path root;
  private final FileLayout layout;
  private final FileNames fileNames = FileNames.forJvm();

  StatePaths(Path root, FileLayout layout) {
    this.root = root;
    this.layout = layout;
  }

  /** The store directory. */
  Path root() {
    return root;
  }

  /**
   * The directory of a state id.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_INPUT} when the id cannot name a directory
   *     directly under the store directory
   */
  Path stateDirectory(String stateId) {
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

  /**
   * The state id an entry of the store directory names, if any: not the guard file, and a name the
   * layout can decode.
   */
  Optional<String> stateIdOf(Path entry) {
    String name = fileNames.name(entry);
    return name.equals(StoreGuard.FILE_NAME) ? Optional.empty() : layout.stateId(name);
  }

  /** An object, for messages: {@code state.json of state_id 'x'}. */
  static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id " + StateIds.quote(stateId);
  }
}
