package io.statestore.jdbc;

import io.statestore.spi.ErrorKind;

/**
 * Every error the driver reports, with its SQLState. One place maps statestore's error kinds to
 * SQL: see {@link #of(ErrorKind)}.
 */
public enum StatestoreErrorCode {
  /** A state or object that was named does not exist. */
  NOT_FOUND("42704", 1),
  /** INSERT of a state_id that exists. */
  DUPLICATE_KEY("23505", 2),
  /** Another writer changed the state between read and write; retry the statement. */
  SERIALIZATION_FAILURE("40001", 3),
  /** Waiting for a lock (or the store) took longer than the query timeout or lock_wait_seconds. */
  TIMEOUT("HYT00", 4),
  /** The statement was cancelled. */
  CANCELLED("57014", 5),
  /** A bad state_id, a body over max_body_bytes, or another bad value. */
  INVALID_VALUE("22023", 6),
  /** A body that is not valid JSON or not a state document. */
  INVALID_JSON("22032", 7),
  /** NULL where a value is required (state_id, body). */
  NOT_NULL_VIOLATION("23502", 8),
  /** The store failed or could not be reached. */
  STORE_UNAVAILABLE("08006", 9),
  /** The store refused the credentials. */
  ACCESS_DENIED("28000", 10),
  /** A wrong URI or setting; nothing was opened. */
  INVALID_CONNECTION_SETTING("08001", 11),
  /** A statement or feature statestore does not support. */
  FEATURE_NOT_SUPPORTED("0A000", 12),
  /** A stored state is unreadable (torn or not a state document). */
  DATA_CORRUPTED("XX001", 13),
  /** SQL syntax error. */
  SYNTAX_ERROR("42601", 14),
  /** Unknown table, column or function, or another validation error. */
  UNDEFINED_OBJECT("42000", 15),
  /** A LIKE pattern ends in its escape character or escapes a character that needs none. */
  INVALID_ESCAPE("22025", 16),
  /** The connection is closed or was aborted. */
  CONNECTION_CLOSED("08003", 17),
  /** A write on a read-only connection. */
  READ_ONLY("25006", 18),
  /** A number too large (or with a fraction) for where it was bound. */
  NUMERIC_OUT_OF_RANGE("22003", 19),
  /** A cursor moved in a way its type does not allow, or used after it was closed. */
  INVALID_CURSOR_STATE("24000", 20),
  /** A value the SQL could not compute with (a bad cast, a bad argument of a function). */
  DATA_EXCEPTION("22000", 21),
  /** A value that cannot be read as the type asked for. */
  INVALID_CAST("22018", 22),
  /** A statement used after it was closed, or a call its kind of statement does not allow. */
  FUNCTION_SEQUENCE_ERROR("HY010", 23),
  /** Anything else. */
  INTERNAL_ERROR("XX000", 99);

  private final String sqlState;
  private final int vendorCode;

  StatestoreErrorCode(String sqlState, int vendorCode) {
    this.sqlState = sqlState;
    this.vendorCode = vendorCode;
  }

  /** The five-character SQLState. */
  public String sqlState() {
    return sqlState;
  }

  /** The value of {@link java.sql.SQLException#getErrorCode()}. */
  public int vendorCode() {
    return vendorCode;
  }

  /** The code for an error kind. */
  public static StatestoreErrorCode of(ErrorKind kind) {
    return switch (kind) {
      case NOT_FOUND -> NOT_FOUND;
      case ALREADY_EXISTS -> DUPLICATE_KEY;
      case CONFLICT -> SERIALIZATION_FAILURE;
      case TIMEOUT -> TIMEOUT;
      case CANCELLED -> CANCELLED;
      case INVALID_INPUT -> INVALID_VALUE;
      case INVALID_DOCUMENT -> INVALID_JSON;
      case MISSING_VALUE -> NOT_NULL_VIOLATION;
      case UNAVAILABLE -> STORE_UNAVAILABLE;
      case DENIED -> ACCESS_DENIED;
      case INVALID_CONFIGURATION -> INVALID_CONNECTION_SETTING;
      case UNSUPPORTED -> FEATURE_NOT_SUPPORTED;
      case CORRUPT -> DATA_CORRUPTED;
    };
  }
}
