package io.statestore.backend.systemdb;

import io.statestore.core.DefaultStoreHome;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The embedded default store while its database does not exist: a read finds nothing and creates
 * nothing (no directory, no file), and the first write creates the directory (owner-only) and the
 * database, then goes to it. A database that another process created meanwhile is opened by the
 * next call.
 */
final class UncreatedEmbeddedStore implements StateBackend {
  private final Path home;
  private final Supplier<StateBackend> creator;
  private final String description;
  private final StateIdRule idRule;
  private volatile StateBackend created;

  /**
   * @param home the store's directory
   * @param creator prepares the directory and opens the database (the first write calls it)
   * @param description the store's description
   * @param table the state table's name
   */
  UncreatedEmbeddedStore(
      Path home, Supplier<StateBackend> creator, String description, String table) {
    this.home = home;
    this.creator = creator;
    this.description = description;
    this.idRule =
        StateIdRule.anyText("table " + table)
            .withMaxChars(IdColumn.MELTANO_LENGTH, "the length of its column state_id");
  }

  /** The database, when it exists now; null while it does not. */
  private StateBackend existing() {
    StateBackend b = created;
    if (b != null) {
      return b;
    }
    return DefaultStoreHome.exists(home) ? create() : null;
  }

  private synchronized StateBackend create() {
    if (created == null) {
      created = creator.get();
    }
    return created;
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    StateBackend b = existing();
    return b == null ? Optional.empty() : b.read(stateId, kind);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    StateBackend b = existing();
    return b == null ? Stream.empty() : b.list(kind, prefix);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    return create().write(stateId, kind, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    StateBackend b = existing();
    return b != null && b.delete(stateId, kind, precondition);
  }

  @Override
  public StateIdRule idRule() {
    StateBackend b = created;
    return b == null ? idRule : b.idRule();
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public synchronized void close() {
    if (created != null) {
      created.close();
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
