package io.statestore.backend.systemdb;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTransactionRollbackException;
import java.util.Locale;
import java.util.Set;

/**
 * Classifies JDBC failures portably (SQLState classes first, then the few vendor codes that have
 * none) and maps them to {@link StateStoreException}s that name what was attempted, never a secret.
 */
final class JdbcFailures {
  // SQLite's primary result codes, as sqlite-jdbc reports them in getErrorCode().
  private static final int SQLITE_PERM = 3;
  private static final int SQLITE_BUSY = 5;
  private static final int SQLITE_LOCKED = 6;
  private static final int SQLITE_READONLY = 8;
  private static final int SQLITE_CANTOPEN = 14;
  private static final int SQLITE_CONSTRAINT = 19;
  private static final int SQLITE_AUTH = 23;

  // H2's "concurrent update" and "lock timeout" error codes.
  private static final int H2_CONCURRENT_UPDATE = 90131;
  private static final int H2_LOCK_TIMEOUT = 50200;

  // H2's "connection broken", "database already in use", "database is closed", "database called
  // at shutdown" and "error opening database" (a lock file recently modified by a process taking
  // over serving the database) error codes.
  private static final Set<Integer> H2_CONNECTION_LOST = Set.of(90067, 90020, 90098, 90121, 8000);

  private JdbcFailures() {}

  /** Whether a failure is a duplicate primary key (an INSERT found the row present). */
  static boolean isUniqueViolation(SQLException e, Dialect dialect) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState();
      if (x instanceof SQLIntegrityConstraintViolationException
          || (state != null && state.startsWith("23"))) {
        return true;
      }
      if (dialect == Dialect.SQLITE && x.getErrorCode() == SQLITE_CONSTRAINT) {
        String message = String.valueOf(x.getMessage()).toUpperCase(Locale.ROOT);
        if (message.contains("UNIQUE") || message.contains("PRIMARY")) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * Whether a failure may pass if the whole transaction is tried again: a busy or locked SQLite
   * database, a lock wait that timed out, a deadlock or a serialization failure.
   */
  static boolean isTransient(SQLException e, Dialect dialect) {
    for (SQLException x = e; x != null; x = x.getNextException()) {
      String state = x.getSQLState() == null ? "" : x.getSQLState();
      if (x instanceof SQLTransactionRollbackException || state.startsWith("40")) {
        return true;
      }
      if (dialect == Dialect.SQLITE
          && (x.getErrorCode() == SQLITE_BUSY || x.getErrorCode() == SQLITE_LOCKED)) {
        return true;
      }
      if (dialect == Dialect.H2
          && (state.equals("HYT00")
              || x.getErrorCode() == H2_LOCK_TIMEOUT
              || x.getErrorCode() == H2_CONCURRENT_UPDATE)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether a failure means the connection is lost or could not be made: SQLState class 08, or H2's
   * codes for a broken connection, a database closed under it, and a file still held by the process
   * that is taking over as its server.
   */
  static boolean isConnectionFailure(SQLException e, Dialect dialect) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("08") || state.startsWith("57P0"))) {
      return true;
    }
    return dialect == Dialect.H2 && H2_CONNECTION_LOST.contains(e.getErrorCode());
  }

  /**
   * Whether a SQLite database could not be opened because its file does not exist (connections are
   * opened without SQLite's create flag, see {@link Dialect#connectionDefaults()}).
   */
  static boolean isMissingDatabase(SQLException e, Dialect dialect) {
    return dialect == Dialect.SQLITE && e.getErrorCode() == SQLITE_CANTOPEN;
  }

  /**
   * Maps a failure.
   *
   * @param e the failure
   * @param what what was attempted, e.g. {@code "write state_id 'x' to table state"}
   * @param store the store's redacted description
   * @param dialect the database's dialect
   * @param password the password in use, scrubbed from the message should the driver echo it
   * @param gaveUpWaiting whether the failure is transient and retries ran out
   */
  static StateStoreException map(
      SQLException e,
      String what,
      String store,
      Dialect dialect,
      String password,
      boolean gaveUpWaiting) {
    ErrorKind kind = kind(e, dialect, gaveUpWaiting);
    String prefix =
        switch (kind) {
          case DENIED -> "The database refused access: could not ";
          case TIMEOUT -> "The database stayed busy or locked: could not ";
          default -> "Could not ";
        };
    return new StateStoreException(
        kind, prefix + what + " in " + store + ": " + reason(e, password), e);
  }

  private static ErrorKind kind(SQLException e, Dialect dialect, boolean gaveUpWaiting) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("28") || state.equals("42501")) {
      return ErrorKind.DENIED;
    }
    if (dialect == Dialect.SQLITE
        && (e.getErrorCode() == SQLITE_AUTH
            || e.getErrorCode() == SQLITE_PERM
            || e.getErrorCode() == SQLITE_READONLY)) {
      return ErrorKind.DENIED;
    }
    if (gaveUpWaiting && isTransient(e, dialect)) {
      return ErrorKind.TIMEOUT;
    }
    return ErrorKind.UNAVAILABLE;
  }

  /** The driver's message, redacted, with its SQLState; never the password. */
  static String reason(SQLException e, String password) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    message = StoreLocation.redact(message);
    if (password != null && !password.isEmpty()) {
      message = message.replace(password, "***");
    }
    String state = e.getSQLState();
    return message + (state == null ? "" : " (SQLState " + state + ")");
  }
}
