package io.statestore.backend.systemdb;

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
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
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
  private final StateTable states;
  private final StateCodec codec;
  private final LockTable locks;
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
    this.states = new StateTable(config.table(), updatedAt, dialect);
    this.codec = new StateCodec(config.table());
    this.locks = new LockTable(config.lockTable(), updatedAt, dialect);
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
            && SqlErrors.isConnectionFailure(e, urlDialect)
            && System.nanoTime() - start < OPEN_BUDGET_NANOS) {
          LOG.debug("Retrying to connect (attempt {}) to {}", attempt, config.describe(), e);
          Transactions.pause(Transactions.reconnectPause(attempt), "connect");
          continue;
        }
        throw SqlErrors.map(
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
      if (!SqlErrors.isMissingDatabase(e, dialect)) {
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
          "read the lock of " + lockOf(stateId),
          c -> tables.lockExists(c) ? locks.select(c, stateId) : Optional.empty());
    }
    return transactions
        .read(
            "read " + stateOf(stateId),
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
        ? writeLock(stateId, content, precondition)
        : writeState(stateId, content, precondition);
  }

  private Version writeState(String stateId, byte[] content, Precondition precondition) {
    StateTable.Parts parts = codec.split(stateId, content);
    Version version = StateCodec.version(StateCodec.join(parts));
    String what = "write " + stateOf(stateId);
    // After a lost connection the first attempt may have been committed: the row holds our parts.
    Transactions.Work<Optional<Boolean>> written =
        c ->
            states
                .select(c, stateId)
                .filter(r -> Objects.equals(parts.completed(), r.completed()))
                .filter(r -> Objects.equals(parts.partial(), r.partial()))
                .map(r -> true);
    if (precondition instanceof Precondition.Matches m) {
      transactions.write(
          what,
          false,
          c -> {
            StateRow current = currentIfVersion(c, stateId, m.version());
            if (states.updateIfUnchanged(c, stateId, parts, now(), current) == 0) {
              throw stateChanged(stateId);
            }
            return true;
          },
          written);
    } else if (precondition instanceof Precondition.Absent) {
      transactions.write(
          what,
          false,
          c -> {
            states.insert(c, stateId, parts, now());
            return true;
          },
          written);
    } else {
      transactions.write(
          what,
          true,
          c -> {
            LocalDateTime now = now();
            if (states.update(c, stateId, parts, now) == 0) {
              states.insert(c, stateId, parts, now);
            }
            return true;
          },
          null);
    }
    return version;
  }

  private Version writeLock(String stateId, byte[] content, Precondition precondition) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.length() > Schema.LOCK_FIELD_LENGTH
        || !Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content)) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT,
          "The lock content of state_id "
              + StateIds.quote(stateId)
              + " must be text of at most "
              + Schema.LOCK_FIELD_LENGTH
              + " characters, got "
              + content.length
              + " bytes");
    }
    String version = UUID.randomUUID().toString();
    String what = "write the lock of " + lockOf(stateId);
    // After a lost connection the first attempt may have been committed: the lock has our version.
    Transactions.Work<Optional<Boolean>> written =
        c ->
            locks
                .select(c, stateId)
                .filter(o -> o.version().token().equals(version))
                .map(o -> true);
    if (precondition instanceof Precondition.Matches m) {
      transactions.write(
          what,
          false,
          c -> {
            if (locks.update(c, stateId, text, version, now(), m.version()) == 0) {
              throw lockChanged(stateId);
            }
            return true;
          },
          written);
    } else if (precondition instanceof Precondition.Absent) {
      transactions.write(
          what,
          false,
          c -> {
            locks.insert(c, stateId, text, version, now());
            return true;
          },
          written);
    } else {
      transactions.write(
          what,
          true,
          c -> {
            LocalDateTime now = now();
            if (locks.update(c, stateId, text, version, now, null) == 0) {
              locks.insert(c, stateId, text, version, now);
            }
            return true;
          },
          null);
    }
    return new Version(version);
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    Version expected = precondition instanceof Precondition.Matches m ? m.version() : null;
    if (!setup.tableExists(kind)) {
      // Nothing to delete, and nothing is created for it.
      if (expected != null) {
        throw kind == ObjectKind.LOCK ? lockChanged(stateId) : stateChanged(stateId);
      }
      return false;
    }
    if (kind == ObjectKind.LOCK) {
      return transactions.write(
          "delete the lock of " + lockOf(stateId),
          false,
          c -> {
            int deleted = locks.delete(c, stateId, expected);
            if (deleted == 0 && expected != null) {
              throw lockChanged(stateId);
            }
            return deleted > 0;
          },
          // After a lost connection the first attempt may have deleted it.
          expected == null ? null : c -> absent(locks.select(c, stateId)));
    }
    return transactions.write(
        "delete " + stateOf(stateId),
        false,
        c -> {
          if (expected == null) {
            return states.delete(c, stateId) > 0;
          }
          StateRow current = currentIfVersion(c, stateId, expected);
          if (states.deleteIfUnchanged(c, stateId, current) == 0) {
            throw stateChanged(stateId);
          }
          return true;
        },
        expected == null ? null : c -> absent(states.select(c, stateId)));
  }

  private static Optional<Boolean> absent(Optional<?> row) {
    return row.isEmpty() ? Optional.of(true) : Optional.empty();
  }

  /** The row as it is now, if its version is {@code expected}; else {@link ErrorKind#CONFLICT}. */
  private StateRow currentIfVersion(Connection c, String stateId, Version expected)
      throws SQLException {
    Optional<StateRow> current = states.select(c, stateId);
    if (current.isEmpty() || !codec.read(stateId, current.get()).version().equals(expected)) {
      throw stateChanged(stateId);
    }
    return current.get();
  }

  private LocalDateTime now() {
    return updatedAt.now();
  }

  private StateStoreException stateChanged(String stateId) {
    return new StateStoreException(
        ErrorKind.CONFLICT,
        "The row of " + stateOf(stateId) + " changed or was deleted since it was read");
  }

  private StateStoreException lockChanged(String stateId) {
    return new StateStoreException(
        ErrorKind.CONFLICT,
        "The lock of " + lockOf(stateId) + " was taken over or released since it was read");
  }

  private String stateOf(String stateId) {
    return "state_id " + StateIds.quote(stateId) + " in table " + states.name();
  }

  private String lockOf(String stateId) {
    return "state_id " + StateIds.quote(stateId) + " in table " + locks.name();
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
