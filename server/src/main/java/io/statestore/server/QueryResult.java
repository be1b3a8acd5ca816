package io.statestore.server;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.List;

/**
 * What one statement produced: rows with their columns, or only a command tag ({@code INSERT 0 3},
 * {@code SET}). Rows are read lazily from a JDBC result or from a list.
 */
final class QueryResult implements AutoCloseable {
  final List<PgColumn> columns;
  private final String tag;
  private final ResultSet rs;
  private final Statement owner;
  private final Iterator<Object[]> list;
  private long count;
  private Runnable onClose;

  private QueryResult(
      List<PgColumn> columns, String tag, ResultSet rs, Statement owner, Iterator<Object[]> list) {
    this.columns = columns;
    this.tag = tag;
    this.rs = rs;
    this.owner = owner;
    this.list = list;
  }

  static QueryResult command(String tag) {
    return new QueryResult(null, tag, null, null, null);
  }

  static QueryResult rows(List<PgColumn> columns, List<Object[]> rows) {
    return new QueryResult(columns, "SELECT", null, null, rows.iterator());
  }

  /** Rows of a JDBC result; the statement is closed with the result when {@code owner} is set. */
  static QueryResult rows(ResultSet rs, Statement owner) throws SQLException {
    return rows(rs, owner, PgColumn.of(rs.getMetaData()));
  }

  /** Rows of a JDBC result whose columns are known already (a statement run again). */
  static QueryResult rows(ResultSet rs, Statement owner, List<PgColumn> columns) {
    return new QueryResult(columns, "SELECT", rs, owner, null);
  }

  /** Runs when the result is closed (frees the statement it was read from). */
  QueryResult onClose(Runnable action) {
    this.onClose = action;
    return this;
  }

  boolean hasRows() {
    return columns != null;
  }

  /** The next row, or null after the last. */
  Object[] next() throws SQLException {
    Object[] row;
    if (list != null) {
      row = list.hasNext() ? list.next() : null;
    } else if (rs != null && rs.next()) {
      row = new Object[columns.size()];
      for (int i = 0; i < row.length; i++) {
        row[i] = read(rs, i + 1, columns.get(i).oid);
      }
    } else {
      row = null;
    }
    if (row != null) {
      count++;
    }
    return row;
  }

  private static Object read(ResultSet rs, int i, int oid) throws SQLException {
    Object v;
    switch (oid) {
      case PgTypes.BOOL:
        v = rs.getBoolean(i);
        break;
      case PgTypes.INT2:
      case PgTypes.INT4:
      case PgTypes.INT8:
        v = rs.getLong(i);
        break;
      case PgTypes.FLOAT4:
      case PgTypes.FLOAT8:
        v = rs.getDouble(i);
        break;
      case PgTypes.NUMERIC:
        v = rs.getBigDecimal(i);
        break;
      case PgTypes.TIMESTAMP:
        v = rs.getTimestamp(i);
        break;
      case PgTypes.DATE:
        v = rs.getDate(i);
        break;
      case PgTypes.TIME:
        v = rs.getTime(i);
        break;
      case PgTypes.BYTEA:
        v = rs.getBytes(i);
        break;
      default:
        v = rs.getString(i);
    }
    return rs.wasNull() ? null : v;
  }

  /** The CommandComplete tag, with the row count for queries. */
  String tag() {
    return hasRows() ? "SELECT " + count : tag;
  }

  @Override
  public void close() {
    try {
      if (rs != null) {
        rs.close();
      }
      if (owner != null) {
        owner.close();
      }
    } catch (SQLException e) {
      // closing a finished result: nothing the client can act on
    }
    if (onClose != null) {
      onClose.run();
      onClose = null;
    }
  }
}
