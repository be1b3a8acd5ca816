package io.statestore.backend.systemdb;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs work on a pooled connection: reads in auto-commit mode, writes as one transaction that is
 * committed whole or rolled back whole. Work is tried again from the start, with a growing pause:
 *
 * <ul>
 *   <li>for up to {@link #RETRY_BUDGET_NANOS} after a busy or locked database, a lock wait timeout,
 *       a deadlock or a serialization failure;
 *   <li>for up to {@link #RECONNECT_BUDGET_NANOS} after a lost connection, on a new one (idle
 *       connections are dropped too: when an embedded H2's serving process exits, the others take
 *       over the file and every old connection is dead). A write whose connection broke may have
 *       been committed; its {@code alreadyDone} check, run first on the retry, recognises that.
 * </ul>
 */
final class Transactions {
  private static final Logger LOG = LoggerFactory.getLogger(Transactions.class);
  private static final long RETRY_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(30);

  /**
   * How long lost connections are retried: an H2 hand-over takes a moment (several seconds on a
   * busy machine), a restart longer.
   */
  static final long RECONNECT_BUDGET_NANOS = TimeUnit.SECONDS.toNanos(30);

  private static final long FIRST_PAUSE_MILLIS = 5;
  private static final long LONGEST_PAUSE_MILLIS = 250;
  private static final long LONGEST_RECONNECT_PAUSE_MILLIS = 1000;

  /**
   * Work on a connection.
   *
   * @param <T> its result
   */
  @FunctionalInterface
  interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  private final ConnectionPool pool;
  private final Dialect dialect;
  private final String store;
  private final String password;
  private final String[] statements;

  /**
   * @param pool where connections come from
   * @param dialect the database's dialect, for classifying failures
   * @param store the store's redacted description, for messages
   * @param password the password in use, scrubbed from messages
   */
  Transactions(ConnectionPool pool, Dialect dialect, String store, String password) {
    this.pool = pool;
    this.dialect = dialect;
    this.store = store;
    this.password = password;
    this.statements = dialect.transactionStatements();
  }

  /** Runs read-only work in auto-commit mode. */
  <T> T read(String what, Work<T> work) {
    return run(what, false, false, work, null);
  }

  /**
   * Runs work as one transaction.
   *
   * @param what what is attempted, for messages, e.g. {@code "write state_id 'x'"}
   * @param retryOnDuplicate whether a duplicate key (an upsert's INSERT losing a race with another
   *     INSERT) means "try again"; otherwise it fails with {@link ErrorKind#ALREADY_EXISTS}
   * @param work the work
   * @param alreadyDone run first when retrying after a lost connection: the result, if it finds
   *     that the lost attempt was committed; {@code null} when the work is safe to repeat
   */
  <T> T write(String what, boolean retryOnDuplicate, Work<T> work, Work<Optional<T>> alreadyDone) {
    return run(what, true, retryOnDuplicate, work, alreadyDone);
  }

  private <T> T run(
      String what,
      boolean transaction,
      boolean retryOnDuplicate,
      Work<T> work,
      Work<Optional<T>> alreadyDone) {
    long start = System.nanoTime();
    int duplicates = 0;
    int reconnects = 0;
    for (int attempt = 1; ; attempt++) {
      try {
        return once(transaction, reconnects > 0 ? alreadyDone : null, work);
      } catch (SQLException e) {
        if (JdbcFailures.isUniqueViolation(e, dialect)) {
          if (retryOnDuplicate && ++duplicates <= 2) {
            LOG.debug("Retrying after losing an insert race: {}", what);
            continue;
          }
          throw new StateStoreException(
              ErrorKind.ALREADY_EXISTS, "Could not " + what + ": it already exists", e);
        }
        long elapsed = System.nanoTime() - start;
        boolean inBudget = elapsed < RETRY_BUDGET_NANOS;
        if (JdbcFailures.isConnectionFailure(e, dialect) && elapsed < RECONNECT_BUDGET_NANOS) {
          LOG.debug("Reconnecting after a lost connection (attempt {}): {}", attempt, what, e);
          pool.evictIdle();
          reconnects++;
          pause(reconnectPause(reconnects), what);
          continue;
        }
        boolean transientFailure = JdbcFailures.isTransient(e, dialect);
        if (transientFailure && inBudget) {
          LOG.debug("Retrying after a transient failure (attempt {}): {}", attempt, what);
          pause(Math.min(LONGEST_PAUSE_MILLIS, FIRST_PAUSE_MILLIS << Math.min(attempt, 10)), what);
          continue;
        }
        throw JdbcFailures.map(e, what, store, dialect, password, transientFailure);
      }
    }
  }

  private <T> T once(boolean transaction, Work<Optional<T>> alreadyDone, Work<T> work)
      throws SQLException {
    try (ConnectionPool.Lease lease = pool.lease()) {
      Connection c = lease.connection();
      boolean begun = false;
      try {
        if (!transaction) {
          return work.run(c);
        }
        begin(c);
        begun = true;
        Optional<T> done = alreadyDone == null ? Optional.empty() : alreadyDone.run(c);
        T result = done.isPresent() ? done.get() : work.run(c);
        commit(c);
        return result;
      } catch (SQLException | RuntimeException e) {
        if (e instanceof SQLException sql && JdbcFailures.isConnectionFailure(sql, dialect)) {
          lease.discard();
        } else if (begun) {
          rollback(c, lease);
        }
        throw e;
      }
    }
  }

  private void begin(Connection c) throws SQLException {
    if (statements == null) {
      c.setAutoCommit(false);
    } else {
      execute(c, statements[0]);
    }
  }

  private void commit(Connection c) throws SQLException {
    if (statements == null) {
      c.commit();
      c.setAutoCommit(true);
    } else {
      execute(c, statements[1]);
    }
  }

  private void rollback(Connection c, ConnectionPool.Lease lease) {
    try {
      if (statements == null) {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
      } else {
        execute(c, statements[2]);
      }
    } catch (SQLException e) {
      LOG.debug("Rollback failed; dropping the connection", e);
      lease.discard();
    }
  }

  private static void execute(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  /** A random pause before reconnect attempt {@code n} (from 1), growing to a second. */
  static long reconnectPause(int n) {
    return Math.min(LONGEST_RECONNECT_PAUSE_MILLIS, 50L << Math.min(n, 10));
  }

  /** Sleeps a random time up to {@code ceilingMillis}. */
  static void pause(long ceilingMillis, String what) {
    try {
      Thread.sleep(ThreadLocalRandom.current().nextLong(1, Math.max(2, ceilingMillis + 1)));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(ErrorKind.CANCELLED, "Interrupted while trying to " + what, e);
    }
  }
}
