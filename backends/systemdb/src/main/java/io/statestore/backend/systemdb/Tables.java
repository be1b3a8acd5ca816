package io.statestore.backend.systemdb;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which of the two tables exist, and what statestore may create. Opening and reading create
 * nothing: a missing table reads as empty. The first write creates what is missing, and refuses to
 * give Meltano's {@code state} table to a database whose Meltano migrations would drop it again
 * (see {@link MeltanoMigrations}) unless {@link SystemDbSettings#CREATE_TABLE} asks for it. H2
 * databases are exempt: Meltano cannot use H2, so they are statestore's own.
 */
final class Tables {
  private static final Logger LOG = LoggerFactory.getLogger(Tables.class);

  private final SystemDbConfig config;
  private final Dialect dialect;
  private volatile boolean stateExists;
  private volatile boolean lockExists;
  private volatile boolean writable;

  Tables(SystemDbConfig config, Dialect dialect) {
    this.config = config;
    this.dialect = dialect;
  }

  /** Whether the state table exists (checking its columns the first time it is found). */
  boolean stateExists(Connection c) throws SQLException {
    if (!stateExists) {
      stateExists = Schema.exists(c, config.table(), Schema.STATE_COLUMNS);
    }
    return stateExists;
  }

  /** Whether the lock table exists (checking its columns the first time it is found). */
  boolean lockExists(Connection c) throws SQLException {
    if (!lockExists) {
      lockExists = Schema.exists(c, config.lockTable(), Schema.LOCK_COLUMNS);
    }
    return lockExists;
  }

  /** Whether the table of {@code kind} is known to exist, without asking the database. */
  boolean known(ObjectKind kind) {
    return kind == ObjectKind.LOCK ? lockExists : stateExists;
  }

  /** Whether a write has already prepared the tables. */
  boolean writable() {
    return writable;
  }

  /**
   * Whether creating or writing the state table needs Meltano's migrations to have created it: a
   * table named {@code state} (the one Meltano's migration drops) outside H2, without {@link
   * SystemDbSettings#CREATE_TABLE}.
   */
  boolean guarded() {
    return dialect != Dialect.H2
        && !config.createTable()
        && MeltanoMigrations.unqualified(config.table()).equalsIgnoreCase("state");
  }

  /**
   * Before the first write: refuses a database that Meltano's migrations would empty, then creates
   * the missing tables and (on SQLite) switches to the WAL journal that Meltano uses.
   *
   * @param store the store's description, for messages
   * @throws StateStoreException {@link ErrorKind#UNSUPPORTED} when refused
   */
  synchronized void prepareWrite(Connection c, String store) throws SQLException {
    if (writable) {
      return;
    }
    if (guarded()) {
      List<String> revisions = MeltanoMigrations.revisions(c, config.table());
      if (!MeltanoMigrations.pastStateTableRevision(revisions)) {
        throw refusal(store, why(revisions));
      }
    }
    if (!stateExists(c)) {
      Schema.create(
          c, config.table(), Schema.STATE_COLUMNS, Schema.stateTableDdl(dialect, config.table()));
      stateExists = true;
    }
    if (!lockExists(c)) {
      Schema.create(
          c,
          config.lockTable(),
          Schema.LOCK_COLUMNS,
          Schema.lockTableDdl(dialect, config.lockTable()));
      lockExists = true;
    }
    if (dialect == Dialect.SQLITE) {
      useWal(c);
    }
    writable = true;
  }

  private static String why(List<String> revisions) {
    if (revisions == null) {
      return "it has no " + MeltanoMigrations.VERSION_TABLE + " table";
    }
    if (revisions.isEmpty()) {
      return "its " + MeltanoMigrations.VERSION_TABLE + " table is empty";
    }
    return "its "
        + MeltanoMigrations.VERSION_TABLE
        + " is at "
        + String.join(", ", revisions)
        + ", before "
        + MeltanoMigrations.STATE_TABLE_REVISION;
  }

  /** The refusal to write where Meltano's next command would drop the states. */
  StateStoreException refusal(String store, String why) {
    return new StateStoreException(
        ErrorKind.UNSUPPORTED,
        "Refusing to write to table "
            + config.table()
            + " of "
            + store
            + ": Meltano's migrations have not set this database up ("
            + why
            + "), and Meltano's next command in it would drop table state with every state in it"
            + " (migration "
            + MeltanoMigrations.STATE_TABLE_REVISION
            + "). Run any meltano command in the project first (e.g. 'meltano state list'),"
            + " or use the embedded default store 'systemdb:'; for a database Meltano never uses,"
            + " set systemdb.create_table=true");
  }

  /** Meltano switches its SQLite database to WAL on every connection; a busy database waits. */
  private static void useWal(Connection c) {
    try (Statement s = c.createStatement()) {
      String mode;
      try (ResultSet rs = s.executeQuery("PRAGMA journal_mode")) {
        mode = rs.next() ? rs.getString(1) : "";
      }
      if (!"wal".equals(mode.toLowerCase(Locale.ROOT))) {
        s.execute("PRAGMA journal_mode=WAL");
      }
    } catch (SQLException e) {
      LOG.debug("Could not switch the SQLite database to WAL; it keeps its journal mode", e);
    }
  }
}
