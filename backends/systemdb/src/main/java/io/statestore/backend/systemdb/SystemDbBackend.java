package io.statestore.backend.systemdb;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * States in Meltano's system database: one row of the {@code state} table per state id, the
 * document's {@code completed} and {@code partial} parts in the {@code completed_state} and {@code
 * partial_state} columns as Meltano writes them, {@code updated_at} as the last-modified time.
 * Locks (which Meltano does not take on its system database) are rows of a side table.
 *
 * <p>A state's version is the SHA-256 of its document as read. Every write is one transaction that
 * the database makes atomic: create-if-absent is an INSERT that the primary key refuses, and
 * compare-and-set is an UPDATE or DELETE whose WHERE clause requires the columns (or the lock's
 * version) still to be what was read, so no isolation level can lose an update.
 */
final class SystemDbBackend implements StateBackend {
  private static final Logger LOG = LoggerFactory.getLogger(SystemDbBackend.class);
  private static final int POOL_SIZE = 8;

  private final SystemDbConfig config;
  private final ConnectionPool pool;
  private final Dialect dialect;
  private final Transactions transactions;
  private final UpdatedAt updatedAt;
  private final MeltanoStateTable states;
  private final StateCodec codec;
  private final LockTable locks;
  private final RowWrites writes;
  private final Tables tables;

  private final Setup setup;

  private final StateIdRule idRule;

  private SystemDbBackend(
      SystemDbConfig config,
      ConnectionPool pool,
      Dialect dialect,
      Clock clock,
      Tables tables,
      boolean databaseMissing,
      int idLength) {
    this.config = config;
    this.pool = pool;
    this.dialect = dialect;
    this.tables = tables;
    this.transactions = new Transactions(pool, dialect, config.describe(), config.password());
    this.updatedAt = new UpdatedAt(dialect, clock);
    this.states = new MeltanoStateTable(config.table(), updatedAt, dialect);
    this.codec = new StateCodec(config.table());
    this.locks = new LockTable(config.lockTable(), updatedAt, dialect);
    this.writes = new RowWrites(transactions, states, locks, codec, updatedAt);
    this.setup = new Setup(config, pool, dialect, transactions, tables, databaseMissing);
    this.idRule =
        StateIdRule.anyText("table " + config.table())
            .withMaxChars(idLength, "the length of its column state_id");
  }

  /**
   * How long opening an embedded H2 database keeps retrying while other processes open it or take
   * over serving it (each attempt may itself wait on H2's lock file).
   */
  private static final long OPEN_BUDGET_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(30);

  /**
   * Connects and checks the columns of the tables that exist; creates nothing (the first write
   * does). A SQLite database file that does not exist is not created either: it reads as empty.
   *
   * @param config the database and tables
   * @param clock the clock, and the zone whose local time {@code updated_at} holds (Meltano writes
   *     the local time of the machine it runs on)
   */
  static SystemDbBackend open(SystemDbConfig config, Clock clock) {
    Dialect urlDialect = config.urlDialect();
    long start = System.nanoTime();
    for (int attempt = 1; ; attempt++) {
      try {
        return connect(config, clock);
      } catch (SQLException e) {
        // Several processes opening one embedded H2 file at once briefly fail on its lock file
        // (or while one takes over serving it); any other database that cannot be reached fails
        // at once.
        if (urlDialect == Dialect.H2
            && JdbcFailures.isConnectionFailure(e, urlDialect)
            && System.nanoTime() - start < OPEN_BUDGET_NANOS) {
          LOG.debug("Retrying to connect (attempt {}) to {}", attempt, config.describe(), e);
          Transactions.pause(Transactions.reconnectPause(attempt), "connect");
          continue;
        }
        throw JdbcFailures.map(
            e,
            "connect and check tables " + config.table() + " and " + config.lockTable(),
            config.describe(),
            urlDialect,
            config.password(),
            false);
      }
    }
  }

  private static SystemDbBackend connect(SystemDbConfig config, Clock clock) throws SQLException {
    ConnectionPool pool;
    try {
      pool = new ConnectionPool(config.jdbcUrl(), config.connectionProperties(), POOL_SIZE);
    } catch (SQLException e) {
      Dialect dialect = config.urlDialect();
      if (!JdbcFailures.isMissingDatabase(e, dialect)) {
        throw e;
      }
      LOG.debug("{} does not exist; it reads as empty until a write creates it", config);
      ConnectionPool later =
          new ConnectionPool(config.jdbcUrl(), config.connectionProperties(), POOL_SIZE, false);
      return new SystemDbBackend(
          config,
          later,
          dialect,
          clock,
          new Tables(config, dialect),
          true,
          IdColumn.MELTANO_LENGTH);
    }
    try {
      Dialect dialect;
      Tables tables;
      int idLength;
      try (ConnectionPool.Lease lease = pool.lease()) {
        Connection c = lease.connection();
        dialect = Dialect.fromProductName(c.getMetaData().getDatabaseProductName());
        tables = new Tables(config, dialect);
        tables.stateExists(c);
        tables.lockExists(c);
        idLength =
            Math.min(IdColumn.length(c, config.table()), IdColumn.length(c, config.lockTable()));
      }
      LOG.debug("Opened {} ({}, ids up to {} characters)", config, dialect, idLength);
      return new SystemDbBackend(config, pool, dialect, clock, tables, false, idLength);
    } catch (SQLException | RuntimeException e) {
      pool.close();
      throw e;
    }
  }

  /** Any text up to the length of the {@code state_id} columns; {@code /} is allowed. */
  @Override
  public StateIdRule idRule() {
    return idRule;
  }

  /** Runs read-only work on a pooled connection (for tests and tools in this package). */
  <T> T withConnection(Transactions.Work<T> work) {
    return transactions.read("run a query", work);
  }

  // ---------------------------------------------------------------- reads

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    if (!setup.databaseExists()) {
      return Optional.empty();
    }
    if (kind == ObjectKind.LOCK) {
      return transactions.read(
          "read the lock of " + locks.rowOf(stateId),
          c -> tables.lockExists(c) ? locks.select(c, stateId) : Optional.empty());
    }
    return transactions
        .read(
            "read " + states.rowOf(stateId),
            c -> tables.stateExists(c) ? states.select(c, stateId) : Optional.<StateRow>empty())
        .map(row -> codec.read(stateId, row));
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    String table = kind == ObjectKind.LOCK ? locks.name() : states.name();
    if (!setup.tableExists(kind)) {
      return Stream.empty();
    }
    return new KeysetListing(
            transactions,
            dialect,
            table,
            prefix == null ? "" : prefix,
            updatedAt,
            KeysetListing.PAGE_SIZE)
        .stream();
  }

  // ---------------------------------------------------------------- writes

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    setup.prepareWrite();
    return kind == ObjectKind.LOCK
        ? writes.writeLock(stateId, content, precondition)
        : writes.writeState(stateId, content, precondition);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    Version expected = precondition instanceof Precondition.Matches m ? m.version() : null;
    if (!setup.tableExists(kind)) {
      // Nothing to delete, and nothing is created for it.
      if (expected != null) {
        throw writes.changed(stateId, kind);
      }
      return false;
    }
    return writes.delete(stateId, kind, expected);
  }

  @Override
  public String describe() {
    return config.describe();
  }

  @Override
  public void close() {
    pool.close();
  }

  @Override
  public String toString() {
    return describe();
  }
}
