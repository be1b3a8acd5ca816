package io.statestore.jdbc;

import io.statestore.core.ReadWarnings;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

/**
 * A result set of the driver: forward-only and read-only, whatever was asked for (the connection
 * warns when it downgrades a request). Rows are read from the engine's result set with the
 * statement's {@link ReadWarnings} entered, so a damaged state met while fetching shows in {@link
 * #getWarnings()} (SQLState 01000); every failure is a {@link SQLException} with a SQLState.
 */
public final class StatestoreResultSet extends ResultSetLabelGetters {
  private final StatestoreStatement statement;
  private final Statement ownedStatement;
  private volatile boolean closed;
  private int fetchSize;

  /**
   * A result set over the engine's {@code target}, made by {@code statement}; {@code owned}, if not
   * null, is an engine statement closed with it.
   */
  StatestoreResultSet(
      ResultSet target, StatestoreStatement statement, ReadWarnings warnings, Statement owned) {
    super(target, warnings);
    this.statement = statement;
    this.ownedStatement = owned;
  }

  /**
   * The one place the engine's result-set metadata is handed out, for result sets and prepared
   * statements alike.
   */
  static ResultSetMetaData metaData(ResultSetMetaData engine, java.sql.Connection engineConnection)
      throws SQLException {
    return new StatestoreResultSetMetaData(engine, engineConnection);
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed || target.isClosed()) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_CURSOR_STATE,
          "The result set is closed (by close(), by its statement running again or closing, or"
              + " by its connection closing)",
          null);
    }
  }

  @Override
  SQLException failed(SQLException e) {
    return statement.failed(e);
  }

  private SQLException forwardOnly(String method) throws SQLException {
    checkOpen();
    return new StatestoreSQLException(
        StatestoreErrorCode.INVALID_CURSOR_STATE,
        "ResultSet."
            + method
            + " needs a scrollable result set; statestore's are TYPE_FORWARD_ONLY: read rows in"
            + " order with next(), or narrow the query with WHERE, ORDER BY and LIMIT",
        null);
  }

  @Override
  public boolean next() throws SQLException {
    return call(target::next, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly("previous");
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly("first");
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly("last");
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    throw forwardOnly("absolute");
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly("relative");
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly("beforeFirst");
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly("afterLast");
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    return call(target::isBeforeFirst, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    return call(target::isAfterLast, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean isFirst() throws SQLException {
    return call(target::isFirst, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean isLast() throws SQLException {
    return call(target::isLast, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public int getRow() throws SQLException {
    return call(target::getRow, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean wasNull() throws SQLException {
    return call(target::wasNull, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public int findColumn(String label) throws SQLException {
    checkOpen();
    if (label == null) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_VALUE, "The column label is null", null);
    }
    return call(() -> target.findColumn(label), StatestoreErrorCode.UNDEFINED_OBJECT);
  }

  @Override
  <T> T object(int column, Class<T> type) throws SQLException {
    if (type == LocalDateTime.class) {
      return type.cast(localDateTime(column));
    }
    return read(() -> target.getObject(column, type));
  }

  /**
   * {@code getObject(column, LocalDateTime.class)}, which the engine does not convert: the column's
   * {@code TIMESTAMP} value, a wall-clock time without zone, as {@code getTimestamp} and {@code
   * getString} give it.
   */
  private LocalDateTime localDateTime(int column) throws SQLException {
    // The engine holds the wall-clock time as milliseconds of that time read as UTC: read it back
    // with a UTC calendar, so that no gap of the JVM's zone can move it.
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
    Timestamp t = read(() -> target.getTimestamp(column, utc));
    return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
  }

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    return metaData(
        call(target::getMetaData, StatestoreErrorCode.INTERNAL_ERROR),
        call(() -> target.getStatement().getConnection(), StatestoreErrorCode.INTERNAL_ERROR));
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public String getCursorName() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported(
        "ResultSet.getCursorName", "there are no named cursors or positioned updates");
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getConcurrency() throws SQLException {
    checkOpen();
    return CONCUR_READ_ONLY;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return statement.holdability();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    if (direction == FETCH_FORWARD) {
      return;
    }
    if (direction == FETCH_REVERSE || direction == FETCH_UNKNOWN) {
      throw forwardOnly("setFetchDirection(" + direction + ")");
    }
    throw new StatestoreSQLException(
        StatestoreErrorCode.INVALID_VALUE,
        "Fetch direction " + direction + " is none of FETCH_FORWARD, FETCH_REVERSE, FETCH_UNKNOWN",
        null);
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return FETCH_FORWARD;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    if (rows < 0) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_VALUE, "The fetch size must be 0 or more, not " + rows, null);
    }
    fetchSize = rows; // a hint: rows come from the engine as it reads the store
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return StatestoreStatement.chain(
        call(target::getWarnings, StatestoreErrorCode.INTERNAL_ERROR), warnings);
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings.clear();
    call(
        () -> {
          target.clearWarnings();
          return null;
        },
        StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    try {
      SqlErrors.call(
          () -> {
            try {
              target.close();
            } finally {
              if (ownedStatement != null) {
                ownedStatement.close();
              }
            }
            return null;
          },
          StatestoreErrorCode.INTERNAL_ERROR);
    } finally {
      statement.closed(this);
    }
  }

  @Override
  public boolean isClosed() throws SQLException {
    return closed || SqlErrors.call(target::isClosed, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, target, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, target, iface);
  }

  @Override
  public String toString() {
    return "StatestoreResultSet";
  }
}
