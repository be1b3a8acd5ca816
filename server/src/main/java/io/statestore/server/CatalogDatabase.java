package io.statestore.server;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code pg_catalog} and {@code information_schema} clients read: an in-memory H2 database in
 * PostgreSQL mode holding empty tables with the engine's schemas, tables, columns and primary keys
 * (never a row of data). H2 answers the catalog queries over them; {@link CatalogSql} rewrites the
 * few forms it lacks.
 */
final class CatalogDatabase implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CatalogDatabase.class);
  private static final AtomicInteger SEQUENCE = new AtomicInteger();

  private final String url;
  private final Connection keeper;
  final String defaultSchema;

  private CatalogDatabase(String url, Connection keeper, String defaultSchema) {
    this.url = url;
    this.keeper = keeper;
    this.defaultSchema = defaultSchema;
  }

  /** PostgreSQL's fixed-length types among those the engine shows. */
  private static final String FIXED_LENGTH_TYPES =
      IntStream.of(
              PgTypes.BOOL,
              PgTypes.INT8,
              PgTypes.INT2,
              PgTypes.INT4,
              PgTypes.OID,
              PgTypes.FLOAT4,
              PgTypes.FLOAT8,
              PgTypes.DATE,
              PgTypes.TIME,
              PgTypes.TIMESTAMP,
              PgTypes.TIMESTAMPTZ)
          .mapToObj(String::valueOf)
          .collect(Collectors.joining(", "));

  /**
   * Builds the catalog from what the engine's metadata shows; with {@code bodyAsJson}, the {@code
   * body} of {@code state} tables is {@code json}.
   */
  static CatalogDatabase mirror(Connection engine, boolean bodyAsJson) throws SQLException {
    String url =
        "jdbc:h2:mem:statestore_catalog_"
            + SEQUENCE.incrementAndGet()
            + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
    Connection keeper = open(url);
    String defaultSchema = engine.getSchema();
    try (Statement s = keeper.createStatement()) {
      DatabaseMetaData md = engine.getMetaData();
      Set<String> schemas = new LinkedHashSet<>();
      List<String[]> tables = new ArrayList<>();
      try (ResultSet rs = md.getTables(null, null, "%", new String[] {"TABLE", "VIEW"})) {
        while (rs.next()) {
          tables.add(
              new String[] {
                rs.getString("TABLE_SCHEM"), rs.getString("TABLE_NAME"), rs.getString("REMARKS")
              });
        }
      }
      for (String[] t : tables) {
        if (schemas.add(t[0]) && !"public".equals(t[0])) {
          s.execute("CREATE SCHEMA " + quote(t[0]));
        }
        s.execute(createTable(md, t[0], t[1]));
        if (t[2] != null && !t[2].isEmpty()) {
          s.execute(
              "COMMENT ON TABLE "
                  + quote(t[0])
                  + "."
                  + quote(t[1])
                  + " IS '"
                  + t[2].replace("'", "''")
                  + "'");
        }
      }
      CatalogTables.create(keeper);
      // Fixed-length values (timestamps, numbers, booleans) are stored plain, as in PostgreSQL.
      s.execute(
          "UPDATE "
              + CatalogTables.SCHEMA
              + ".pg_attribute SET attstorage = 'p' WHERE atttypid IN ("
              + FIXED_LENGTH_TYPES
              + ")");
      if (bodyAsJson) {
        bodyAsJson(keeper);
      }
      CatalogObjects.register(keeper);
      LOG.debug("Catalog of {} tables in schemas {}", tables.size(), schemas);
    } catch (SQLException e) {
      keeper.close();
      throw e;
    }
    return new CatalogDatabase(url, keeper, defaultSchema);
  }

  private static String createTable(DatabaseMetaData md, String schema, String table)
      throws SQLException {
    StringBuilder ddl = new StringBuilder("CREATE TABLE ");
    ddl.append(quote(schema)).append('.').append(quote(table)).append(" (");
    try (ResultSet rs = md.getColumns(null, schema, table, "%")) {
      boolean first = true;
      while (rs.next()) {
        ddl.append(first ? "" : ", ").append(quote(rs.getString("COLUMN_NAME"))).append(' ');
        ddl.append(h2Type(rs.getInt("DATA_TYPE")));
        if (rs.getInt("NULLABLE") == DatabaseMetaData.columnNoNulls) {
          ddl.append(" NOT NULL");
        }
        first = false;
      }
    }
    TreeMap<Integer, String> key = new TreeMap<>();
    try (ResultSet rs = md.getPrimaryKeys(null, schema, table)) {
      while (rs.next()) {
        key.put(rs.getInt("KEY_SEQ"), quote(rs.getString("COLUMN_NAME")));
      }
    }
    if (!key.isEmpty()) {
      ddl.append(", CONSTRAINT ")
          .append(quote(table + "_pkey"))
          .append(" PRIMARY KEY (")
          .append(String.join(", ", key.values()))
          .append(')');
    }
    return ddl.append(')').toString();
  }

  private static String h2Type(int jdbcType) {
    switch (jdbcType) {
      case Types.BOOLEAN:
      case Types.BIT:
        return "BOOLEAN";
      case Types.BIGINT:
        return "BIGINT";
      case Types.INTEGER:
        return "INTEGER";
      case Types.SMALLINT:
      case Types.TINYINT:
        return "SMALLINT";
      case Types.DOUBLE:
      case Types.FLOAT:
        return "DOUBLE PRECISION";
      case Types.REAL:
        return "REAL";
      case Types.DECIMAL:
      case Types.NUMERIC:
        return "NUMERIC";
      case Types.DATE:
        return "DATE";
      case Types.TIMESTAMP:
        return "TIMESTAMP";
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return "TIMESTAMP WITH TIME ZONE";
      default:
        return "VARCHAR";
    }
  }

  /** The {@code body} of every {@code state} table as {@code json}, a type H2 does not list. */
  private static void bodyAsJson(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      // json is text underneath: a copy of text's row, renamed
      s.execute(
          "INSERT INTO "
              + CatalogTables.SCHEMA
              + ".pg_type SELECT * FROM "
              + CatalogTables.SCHEMA
              + ".pg_type WHERE oid = 25");
      s.execute(
          "UPDATE "
              + CatalogTables.SCHEMA
              + ".pg_type SET oid = 114, typname = 'json' WHERE _ROWID_ = (SELECT MAX(_ROWID_) FROM "
              + CatalogTables.SCHEMA
              + ".pg_type WHERE oid = 25)");
      s.execute(
          "UPDATE "
              + CatalogTables.SCHEMA
              + ".pg_attribute SET atttypid = 114, atttypmod = -1 WHERE attname = 'body'"
              + " AND attrelid IN (SELECT oid FROM "
              + CatalogTables.SCHEMA
              + ".pg_class WHERE relname = 'state')");
      // information_schema.columns: a copy of the view's rows, with json for the same columns
      String columns = CatalogTables.SCHEMA + ".information_schema_columns";
      s.execute("CREATE TABLE " + columns + "_json AS SELECT * FROM " + columns);
      s.execute(
          "UPDATE "
              + columns
              + "_json SET data_type = 'json' WHERE table_name = 'state' AND column_name = 'body'");
      s.execute("DROP VIEW " + columns);
      s.execute("ALTER TABLE " + columns + "_json RENAME TO information_schema_columns");
    }
  }

  static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  private static Connection open(String url) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "statestore");
    p.setProperty("password", "");
    Connection c = new org.h2.Driver().connect(url, p);
    if (c == null) {
      throw new SQLException("The catalog database did not open", "XX000");
    }
    return c;
  }

  /** A session's own connection to the catalog, its schema the engine's default. */
  Connection connect() throws SQLException {
    Connection c = open(url);
    if (defaultSchema != null) {
      try (Statement s = c.createStatement()) {
        s.execute("SET SCHEMA " + quote(defaultSchema));
      }
    }
    return c;
  }

  @Override
  public void close() throws SQLException {
    try (Statement s = keeper.createStatement()) {
      s.execute("SHUTDOWN");
    } finally {
      keeper.close();
    }
  }
}
