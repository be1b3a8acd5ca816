package io.statestore.backend.file;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
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

  private final Path root;
  private final FileLayout layout;
  private final StatePaths paths;
  private final FileReads reads;
  private final GuardedWrites writes;

  private FileBackend(Path root, FileLayout layout, boolean fsync) {
    this.root = root;
    this.layout = layout;
    this.paths = new StatePaths(root, layout);
    StoreRoot storeRoot = new StoreRoot(root);
    this.reads = new FileReads(paths, storeRoot);
    this.writes = new GuardedWrites(paths, storeRoot, new StoreGuard(root), fsync);
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
    FileBackend backend = new FileBackend(root, layout, fsync);
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
    return paths.stateDirectory(stateId);
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    return reads.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return reads.list(kind, prefix);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    return writes.write(stateId, kind, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    return writes.delete(stateId, kind, precondition);
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
