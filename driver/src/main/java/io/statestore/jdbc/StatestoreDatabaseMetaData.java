package io.statestore.jdbc;

import static io.statestore.jdbc.MetaDataRows.matches;
import static io.statestore.jdbc.MetaDataRows.named;
import static io.statestore.jdbc.MetaDataRows.noCatalog;

import io.statestore.calcite.StateSchema;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The driver's {@link DatabaseMetaData}: what statestore is and holds, told truthfully.
 *
 * <p>Only the user's schemas appear: {@code statestore} (the main store) and each attached store,
 * each with the tables {@code state} and {@code locks}, whose primary key, and only index, is
 * {@code state_id}. There are no catalogs: {@link #getCatalogs()} is empty and {@code TABLE_CAT} is
 * {@code NULL} in every row, as SQLite's driver reports, which SchemaCrawler, DBeaver and jOOQ read
 * as "no catalog". There are no functions or procedures in a schema: the SQL's built-in functions
 * are listed by {@link #getStringFunctions()} and its siblings. Sizes are those of {@link
 * ColumnSizes}. Result sets are built by a query on the user's connection, {@code owner}.
 */
public final class StatestoreDatabaseMetaData extends AbstractAbsentMetaData {
  /** The client-info names a connection knows. */
  static final List<String> CLIENT_INFO_NAMES =
      List.of("ApplicationName", "ClientUser", "ClientHostname");

  private final String displayUrl;
  private final List<String> schemas;

  /**
   * Metadata of a connection.
   *
   * @param engine the SQL engine's metadata
   * @param owner the connection the user holds: {@link #getConnection()}, and where result sets are
   *     built
   * @param displayUrl the URL with credentials redacted
   * @param schemas the user's schemas, the main store's first
   */
  public StatestoreDatabaseMetaData(
      DatabaseMetaData engine, Connection owner, String displayUrl, List<String> schemas) {
    super(engine, owner);
    this.displayUrl = displayUrl;
    this.schemas = List.copyOf(schemas);
  }

  @Override
  public String getURL() {
    return displayUrl;
  }

  @Override
  public Connection getConnection() {
    return owner;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrapSelf(this, "database metadata", iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, null, iface);
  }

  private ColumnSizes sizes() throws SQLException {
    try {
      return ColumnSizes.of(engine.getConnection());
    } catch (RuntimeException e) {
      throw SqlErrors.translate(e);
    }
  }

  private ResultSet rows(List<MetaDataRows.Column> columns, List<Object[]> rows)
      throws SQLException {
    return MetaDataRows.query(owner, columns, rows);
  }

  private ResultSet none(List<MetaDataRows.Column> columns) throws SQLException {
    return rows(columns, List.of());
  }

  /** The user's schemas that match, sorted by name. */
  private List<String> schemas(String catalog, String pattern) {
    List<String> out = new ArrayList<>();
    if (noCatalog(catalog)) {
      for (String s : schemas) {
        if (matches(pattern, s)) {
          out.add(s);
        }
      }
    }
    out.sort(Comparator.comparing(s -> s.toLowerCase(Locale.ROOT)));
    return out;
  }

  /** The tables of the user's schemas, as {schema, table}, sorted; names match exactly. */
  private List<String[]> storeTables(String catalog, String schema, String table) {
    List<String[]> out = new ArrayList<>();
    for (String s : schemas(catalog, null)) {
      for (String t : List.of(StateSchema.LOCKS, StateSchema.STATE)) {
        if (named(schema, s) && named(table, t)) {
          out.add(new String[] {s, t});
        }
      }
    }
    return out;
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return none(MetaDataColumns.CATALOGS);
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    for (String s : schemas(catalog, schemaPattern)) {
      out.add(new Object[] {s, null});
    }
    return rows(MetaDataColumns.SCHEMAS, out);
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    return rows(MetaDataColumns.TABLE_TYPES, List.<Object[]>of(new Object[] {"TABLE"}));
  }

  @Override
  public ResultSet getTables(
      String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    boolean tables = types == null;
    for (String t : types == null ? new String[0] : types) {
      tables |= "TABLE".equalsIgnoreCase(t);
    }
    List<Object[]> out = new ArrayList<>();
    for (String s : tables ? schemas(catalog, schemaPattern) : List.<String>of()) {
      for (String t : List.of(StateSchema.LOCKS, StateSchema.STATE)) {
        if (matches(tableNamePattern, t)) {
          String remark = MetaDataColumns.TABLE_REMARKS.get(t);
          out.add(new Object[] {null, s, t, "TABLE", remark, null, null, null, null, null});
        }
      }
    }
    return rows(MetaDataColumns.TABLES, out);
  }

  @Override
  public ResultSet getColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    ColumnSizes sizes = sizes();
    List<Object[]> out = new ArrayList<>();
    for (String s : schemas(catalog, schemaPattern)) {
      for (String t : List.of(StateSchema.LOCKS, StateSchema.STATE)) {
        if (!matches(tableNamePattern, t)) {
          continue;
        }
        try (ResultSet rs = engine.getColumns(null, s, t, null)) {
          while (rs.next()) {
            String column = rs.getString("COLUMN_NAME");
            if (matches(columnNamePattern, column)) {
              out.add(column(sizes, s, t, column, rs));
            }
          }
        }
      }
    }
    return rows(MetaDataColumns.COLUMNS, out);
  }

  private static Object[] column(ColumnSizes sizes, String s, String t, String c, ResultSet rs)
      throws SQLException {
    int type = rs.getInt("DATA_TYPE");
    int declared = rs.getInt("COLUMN_SIZE");
    int size = sizes.size(s, t, c, type, declared);
    boolean text = type == Types.VARCHAR || type == Types.CHAR;
    boolean number =
        switch (type) {
          case Types.TINYINT,
              Types.SMALLINT,
              Types.INTEGER,
              Types.BIGINT,
              Types.DECIMAL,
              Types.NUMERIC,
              Types.REAL,
              Types.FLOAT,
              Types.DOUBLE ->
              true;
          default -> false;
        };
    boolean time = type == Types.TIMESTAMP || type == Types.TIME;
    String typeName = rs.getString("TYPE_NAME");
    typeName = typeName == null ? null : typeName.replace(" NOT NULL", "").replaceAll("\\(.*$", "");
    Integer octets = text ? (int) Math.min(Integer.MAX_VALUE, size * 4L) : null;
    String remark = MetaDataColumns.COLUMN_REMARKS.get(t + "." + c);
    return new Object[] {
      null,
      s,
      t,
      c,
      type,
      typeName,
      size,
      null,
      time
          ? Integer.valueOf(ColumnSizes.scale(type, declared, 0))
          : number ? Integer.valueOf(0) : null,
      number ? Integer.valueOf(10) : null,
      rs.getInt("NULLABLE"),
      remark,
      null,
      null,
      null,
      octets,
      rs.getInt("ORDINAL_POSITION"),
      rs.getString("IS_NULLABLE"),
      null,
      null,
      null,
      null,
      "NO",
      "NO"
    };
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    List<Object[]> out = new ArrayList<>();
    for (String[] t : storeTables(catalog, schema, table)) {
      out.add(new Object[] {null, t[0], t[1], "state_id", (short) 1, t[1] + "_pk"});
    }
    return rows(MetaDataColumns.PRIMARY_KEYS, out);
  }

  @Override
  public ResultSet getIndexInfo(
      String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    List<Object[]> out = new ArrayList<>();
    for (String[] t : storeTables(catalog, schema, table)) {
      out.add(
          new Object[] {
            null,
            t[0],
            t[1],
            false,
            null,
            t[1] + "_pk",
            (short) DatabaseMetaData.tableIndexOther,
            (short) 1,
            "state_id",
            "A",
            null,
            null,
            null
          });
    }
    return rows(MetaDataColumns.INDEX_INFO, out);
  }

  @Override
  public ResultSet getBestRowIdentifier(
      String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    ColumnSizes sizes = sizes();
    List<Object[]> out = new ArrayList<>();
    if (scope <= DatabaseMetaData.bestRowSession) {
      for (String[] t : storeTables(catalog, schema, table)) {
        out.add(
            new Object[] {
              (short) DatabaseMetaData.bestRowSession,
              "state_id",
              Types.VARCHAR,
              "VARCHAR",
              sizes.idLength(t[0]),
              null,
              null,
              (short) DatabaseMetaData.bestRowNotPseudo
            });
      }
    }
    return rows(MetaDataColumns.ROW_IDENTIFIER, out);
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    return rows(MetaDataColumns.TYPE_INFO, MetaDataColumns.TYPES);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    List<Object[]> out = new ArrayList<>();
    for (String name : CLIENT_INFO_NAMES) {
      out.add(new Object[] {name, 255, null, "The standard client-info property " + name + "."});
    }
    return rows(MetaDataColumns.CLIENT_INFO, out);
  }
}
