package io.statestore.jdbc;

import io.statestore.calcite.StateSchema;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;

/**
 * The driver's {@link ResultSetMetaData}: the engine's names and types, with sizes a client can lay
 * out (see {@link ColumnSizes}) and which columns a write can change.
 *
 * <p>{@code body} of a {@code state} table is writable ({@code UPDATE ... SET body}); its {@code
 * state_id} is writable too, since an {@code INSERT} sets it, but not definitely writable, as an
 * {@code UPDATE} of it is refused (0A000). {@code updated_at}, every column of {@code locks} and
 * every computed column are read-only.
 */
public final class StatestoreResultSetMetaData implements ResultSetMetaData {
  private final ResultSetMetaData engine;
  private final ColumnSizes sizes;

  /**
   * Metadata of a result set.
   *
   * @param engine the SQL engine's metadata of the result set
   * @param sizes the sizes of the stores of its connection
   */
  StatestoreResultSetMetaData(ResultSetMetaData engine, ColumnSizes sizes) {
    this.engine = engine;
    this.sizes = sizes;
  }

  /**
   * Metadata of a result set of an engine connection.
   *
   * @param engine the SQL engine's metadata of the result set
   * @param engineConnection the SQL engine's connection, whose stores give the sizes
   */
  public StatestoreResultSetMetaData(ResultSetMetaData engine, java.sql.Connection engineConnection)
      throws SQLException {
    this(engine, ColumnSizes.of(engineConnection));
  }

  private int check(int column) throws SQLException {
    int n = engine.getColumnCount();
    if (column < 1 || column > n) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_VALUE,
          "Column " + column + " does not exist: the result has columns 1 to " + n,
          null);
    }
    return column;
  }

  private String schema(int column) throws SQLException {
    return engine.getSchemaName(check(column));
  }

  /** A size of {@link ColumnSizes} from a column's schema, table, name, type and precision. */
  private interface SizeRule {
    int of(String schema, String table, String column, int sqlType, int declared);
  }

  private int sized(int column, SizeRule rule) throws SQLException {
    return rule.of(
        schema(column),
        engine.getTableName(column),
        engine.getColumnName(column),
        engine.getColumnType(column),
        engine.getPrecision(column));
  }

  private boolean stateColumn(int column, String name) throws SQLException {
    return sizes.isStoreTable(schema(column), engine.getTableName(column))
        && StateSchema.STATE.equalsIgnoreCase(engine.getTableName(column))
        && name.equalsIgnoreCase(engine.getColumnName(column));
  }

  @Override
  public int getColumnCount() throws SQLException {
    return engine.getColumnCount();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return engine.isCaseSensitive(check(column));
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    check(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    check(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return engine.isNullable(check(column));
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return engine.isSigned(check(column));
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return sized(column, sizes::displaySize);
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return engine.getColumnLabel(check(column));
  }

  @Override
  public String getColumnName(int column) throws SQLException {
    return engine.getColumnName(check(column));
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    return nonNull(schema(column));
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return sized(column, sizes::size);
  }

  @Override
  public int getScale(int column) throws SQLException {
    return ColumnSizes.scale(
        engine.getColumnType(check(column)), engine.getPrecision(column), engine.getScale(column));
  }

  @Override
  public String getTableName(int column) throws SQLException {
    return nonNull(engine.getTableName(check(column)));
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    check(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return engine.getColumnType(check(column));
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    String name = engine.getColumnTypeName(check(column));
    return name == null ? null : name.replace(" NOT NULL", "");
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    return !isWritable(column);
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return stateColumn(column, "body") || stateColumn(column, "state_id");
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    return stateColumn(column, "body");
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return engine.getColumnClassName(check(column));
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrapSelf(this, "result-set metadata", iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, null, iface);
  }

  private static String nonNull(String s) {
    return s == null ? "" : s;
  }
}
