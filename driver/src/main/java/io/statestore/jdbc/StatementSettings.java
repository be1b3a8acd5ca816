package io.statestore.jdbc;

import io.statestore.core.ReadWarnings;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The part of a driver statement that is state rather than execution: open or closed, cancelled,
 * limits and hints, the result-set type (always forward-only, read-only) and the SQLStates of its
 * failures once the connection was aborted or the statement cancelled.
 */
abstract class StatementSettings implements Statement {
  /** The connection that made this statement. */
  final StatestoreConnection connection;

  /** The engine's statement. */
  final Statement target;

  /** Warnings of this statement's reads. */
  final ReadWarnings warnings = new ReadWarnings();

  private final int holdability;
  private volatile boolean closed;
  private volatile boolean cancelled;
  private boolean closeOnCompletion;

  StatementSettings(StatestoreConnection connection, Statement target, int holdability) {
    this.connection = connection;
    this.target = target;
    this.holdability = holdability;
  }

  /** Throws 08003 when the connection is closed, HY010 when this statement is. */
  final void checkOpen() throws SQLException {
    connection.checkOpen();
    if (closed || target.isClosed()) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.FUNCTION_SEQUENCE_ERROR,
          "The statement is closed: create another",
          null);
    }
  }

  /** The error to report for a failure of this statement, given the connection and cancel. */
  final SQLException failed(SQLException e) {
    if (connection.isAborted()) {
      return new StatestoreSQLException(
          StatestoreErrorCode.CONNECTION_CLOSED,
          "The connection was aborted while the statement ran: " + e.getMessage(),
          e);
    }
    if (cancelled && StatestoreErrorCode.INTERNAL_ERROR.sqlState().equals(e.getSQLState())) {
      return new StatestoreSQLException(
          StatestoreErrorCode.CANCELLED, "The statement was cancelled: " + e.getMessage(), e);
    }
    return e;
  }

  /** The holdability asked for when the statement was made. */
  final int holdability() {
    return holdability;
  }

  /** A result set of this statement closed. */
  final void closedResult() {
    boolean close;
    synchronized (this) {
      close = closeOnCompletion;
    }
    if (close) {
      closeStatement();
    }
  }

  /** Closes the engine's statement; idempotent and quiet. */
  final void closeStatement() {
    if (closed) {
      return;
    }
    closed = true;
    connection.forget(this);
    try {
      target.close();
    } catch (SQLException | RuntimeException e) {
      // The engine's statement holds nothing that outlives the connection.
    }
  }

  /** Marks this statement cancelled and cancels the engine's, whose waits end promptly. */
  @Override
  public void cancel() throws SQLException {
    if (closed) {
      return;
    }
    cancelled = true;
    SqlErrors.call(
        () -> {
          target.cancel();
          return null;
        },
        StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean isClosed() throws SQLException {
    return closed || connection.isClosed() || target.isClosed();
  }

  private <T> T set(SqlCall<T> call) throws SQLException {
    checkOpen();
    return SqlErrors.call(call, StatestoreErrorCode.INVALID_VALUE);
  }

  private static SQLException negative(String what, long value) {
    return new StatestoreSQLException(
        StatestoreErrorCode.INVALID_VALUE, what + " must be 0 or more, not " + value, null);
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return set(target::getUpdateCount);
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    return set(target::getLargeUpdateCount);
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    return set(target::getQueryTimeout);
  }

  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    if (seconds < 0) {
      throw negative("The query timeout", seconds);
    }
    set(
        () -> {
          target.setQueryTimeout(seconds);
          return null;
        });
  }

  @Override
  public int getMaxRows() throws SQLException {
    return set(target::getMaxRows);
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    return set(target::getLargeMaxRows);
  }

  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    if (max < 0) {
      throw negative("The maximum number of rows", max);
    }
    set(
        () -> {
          target.setLargeMaxRows(max);
          return null;
        });
  }

  @Override
  public int getMaxFieldSize() throws SQLException {
    return set(target::getMaxFieldSize);
  }

  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    if (max < 0) {
      throw negative("The maximum field size", max);
    }
    set(
        () -> {
          target.setMaxFieldSize(max);
          return null;
        });
  }

  @Override
  public int getFetchSize() throws SQLException {
    return set(target::getFetchSize);
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    if (rows < 0) {
      throw negative("The fetch size", rows);
    }
    set(
        () -> {
          target.setFetchSize(rows);
          return null;
        });
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  /** A hint: rows always come forward; any of the three directions is accepted. */
  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction != ResultSet.FETCH_FORWARD
        && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_VALUE,
          direction + " is none of FETCH_FORWARD, FETCH_REVERSE, FETCH_UNKNOWN",
          null);
    }
  }

  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public void setCursorName(String name) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported(
        "Statement.setCursorName", "there are no named cursors or positioned updates");
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public synchronized void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public synchronized boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return ResultSet.TYPE_FORWARD_ONLY;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public String enquoteLiteral(String value) throws SQLException {
    return Statement.super.enquoteLiteral(notNull(value, "enquoteLiteral"));
  }

  @Override
  public String enquoteNCharLiteral(String value) throws SQLException {
    return Statement.super.enquoteNCharLiteral(notNull(value, "enquoteNCharLiteral"));
  }

  @Override
  public String enquoteIdentifier(String identifier, boolean alwaysQuote) throws SQLException {
    notNull(identifier, "enquoteIdentifier");
    return SqlErrors.call(
        () -> Statement.super.enquoteIdentifier(identifier, alwaysQuote),
        StatestoreErrorCode.INVALID_VALUE);
  }

  @Override
  public boolean isSimpleIdentifier(String identifier) throws SQLException {
    return Statement.super.isSimpleIdentifier(notNull(identifier, "isSimpleIdentifier"));
  }

  private static String notNull(String value, String method) throws SQLException {
    if (value == null) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_VALUE, method + "(null): give a value", null);
    }
    return value;
  }
}
