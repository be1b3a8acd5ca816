package io.statestore.jdbc;

import java.sql.SQLException;

/** A {@link SQLException} carrying a {@link StatestoreErrorCode}; the cause is always kept. */
public class StatestoreSQLException extends SQLException {
  private static final long serialVersionUID = 1L;

  private final transient StatestoreErrorCode code;

  public StatestoreSQLException(StatestoreErrorCode code, String message, Throwable cause) {
    super(message, code.sqlState(), code.vendorCode(), cause);
    this.code = code;
  }

  /** The error code. */
  public StatestoreErrorCode code() {
    return code;
  }
}
