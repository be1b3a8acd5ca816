package io.statestore.backend.systemdb;

import io.statestore.spi.ObjectKind;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database and its tables exist, and their creation by the first write. Reads never
 * create anything: a SQLite file that does not exist, like a missing table, reads as empty.
 */
final class Setup {
  private static final Logger LOG = LoggerFactory.getLogger(Setup.class);

  private final SystemDbConfig config;
  private final ConnectionPool pool;
  private final Dialect dialect;
  private final Transactions transactions;
  private final Tables tables;

  /** Whether the database (a SQLite file) did not exist when last tried. */
  private volatile boolean databaseMissing;

  Setup(
      SystemDbConfig config,
      ConnectionPool pool,
      Dialect dialect,
      Transactions transactions,
      Tables tables,
      boolean databaseMissing) {
    this.config = config;
    this.pool = pool;
    this.dialect = dialect;
    this.transactions = transactions;
    this.tables = tables;
    this.databaseMissing = databaseMissing;
  }

  /** Whether the database and the table of {@code kind} exist; creates neither. */
  boolean tableExists(ObjectKind kind) {
    if (!databaseMissing && tables.known(kind)) {
      return true;
    }
    String table = kind == ObjectKind.LOCK ? config.lockTable() : config.table();
    return databaseExists()
        && transactions.read(
            "look up table " + table,
            c -> kind == ObjectKind.LOCK ? tables.lockExists(c) : tables.stateExists(c));
  }

  /** Whether the database exists: a SQLite file missing at open may have been created since. */
  boolean databaseExists() {
    if (!databaseMissing) {
      return true;
    }
    try (ConnectionPool.Lease lease = pool.lease()) {
      databaseMissing = false;
      return true;
    } catch (SQLException e) {
      if (JdbcFailures.isMissingDatabase(e, dialect)) {
        return false;
      }
      throw JdbcFailures.map(e, "connect", config.describe(), dialect, config.password(), false);
    }
  }

  /**
   * Before a write: creates a missing SQLite file and the missing tables, unless the database is
   * one whose Meltano migrations would drop the state table ({@link Tables#prepareWrite}).
   */
  void prepareWrite() {
    if (tables.writable()) {
      return;
    }
    if (!databaseExists()) {
      if (tables.guarded()) {
        throw tables.refusal(
            config.describe(),
            "its file does not exist, so it has no " + MeltanoMigrations.VERSION_TABLE + " table");
      }
      createDatabase();
    }
    transactions.read(
        "create tables " + config.table() + " and " + config.lockTable(),
        c -> {
          tables.prepareWrite(c, config.describe());
          return null;
        });
  }

  private void createDatabase() {
    SqliteFiles.createOwnerOnly(config.jdbcUrl());
    Properties p = config.connectionProperties();
    p.setProperty("open_mode", String.valueOf(Dialect.SQLITE_OPEN_OR_CREATE));
    try (Connection c = JdbcDrivers.connect(config.jdbcUrl(), p)) {
      databaseMissing = false;
      LOG.info("Created the database {}", config.describe());
    } catch (SQLException e) {
      throw JdbcFailures.map(
          e, "create the database", config.describe(), dialect, config.password(), false);
    }
  }
}
