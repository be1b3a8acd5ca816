package io.statestore.server;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The schema {@value #SCHEMA} of the catalog database: PostgreSQL's {@code pg_catalog} tables as
 * psql, SQLAlchemy and the PostgreSQL JDBC driver read them. H2's own {@code pg_catalog} has fewer
 * columns and no index rows, so each table here is a copy of H2's (same OIDs) made once at start,
 * with the missing columns added at the values PostgreSQL gives an ordinary table, primary-key
 * indexes named and listed in {@code pg_index} as PostgreSQL names them ({@code <table>_pkey}), and
 * empty tables for what a store never has (policies, enums, collations, ...). {@link CatalogSql}
 * points the clients' {@code pg_catalog} names here.
 */
final class CatalogTables {
  static final String SCHEMA = "statestore_pg";
  static final int OWNER_OID = 10;

  /** Copies of H2's tables: the table, then (column, SQL value) pairs added when H2 lacks them. */
  private static final String[][] COPIES = {
    {"pg_namespace", "oid", "b.oid", "nspowner", "10", "nspacl", "CAST(NULL AS VARCHAR)"},
    {
      "pg_class",
      "relowner",
      "10",
      "relhastriggers",
      "FALSE",
      "relrowsecurity",
      "FALSE",
      "relforcerowsecurity",
      "FALSE",
      "relpersistence",
      "'p'",
      "relreplident",
      "'d'",
      "reloftype",
      "0",
      "reltoastrelid",
      "0",
      "relispartition",
      "FALSE",
      "relhassubclass",
      "FALSE",
      "relisshared",
      "FALSE",
      "relnatts",
      "CAST(0 AS SMALLINT)",
      "relfilenode",
      "b.oid",
      "reloptions",
      "CAST(NULL AS VARCHAR ARRAY)",
      "relacl",
      "CAST(NULL AS VARCHAR ARRAY)",
      "relpartbound",
      "CAST(NULL AS VARCHAR)"
    },
    {
      "pg_attribute",
      "attcollation",
      "0",
      "attstattarget",
      "-1",
      "attstorage",
      "'x'",
      "attidentity",
      "''",
      "attgenerated",
      "''",
      "attndims",
      "0",
      "attislocal",
      "TRUE",
      "attinhcount",
      "0",
      "attbyval",
      "FALSE",
      "attalign",
      "'i'",
      "attacl",
      "CAST(NULL AS VARCHAR ARRAY)",
      "attoptions",
      "CAST(NULL AS VARCHAR ARRAY)",
      "attfdwoptions",
      "CAST(NULL AS VARCHAR ARRAY)"
    },
    {
      "pg_type",
      "typcollation",
      "0",
      "typarray",
      "0",
      "typcategory",
      "'U'",
      "typisdefined",
      "TRUE",
      "typdefault",
      "CAST(NULL AS VARCHAR)",
      "typowner",
      "10",
      "typndims",
      "0",
      "typbyval",
      "FALSE",
      "typalign",
      "'i'",
      "typstorage",
      "'p'",
      "typoutput",
      "CAST(NULL AS VARCHAR)",
      "typreceive",
      "CAST(NULL AS VARCHAR)",
      "typdefaultbin",
      "CAST(NULL AS VARCHAR)"
    },
    {
      "pg_constraint",
      "connamespace",
      "0",
      "condeferrable",
      "FALSE",
      "condeferred",
      "FALSE",
      "convalidated",
      "TRUE",
      "conindid",
      "0",
      "confupdtype",
      "' '",
      "confdeltype",
      "' '",
      "confmatchtype",
      "' '",
      "conislocal",
      "TRUE",
      "coninhcount",
      "0",
      "connoinherit",
      "FALSE",
      "conparentid",
      "0",
      "contypid",
      "0",
      "confkey",
      "CAST(NULL AS INT ARRAY)",
      "conbin",
      "CAST(NULL AS VARCHAR)",
      "consrc",
      "CAST(NULL AS VARCHAR)"
    },
    {
      "pg_database",
      "datcollate",
      "'C'",
      "datctype",
      "'C'",
      "datistemplate",
      "FALSE",
      "datconnlimit",
      "-1"
    },
    {"pg_attrdef"},
    {"pg_description"},
    {"pg_inherits"},
    {"pg_am"},
  };

  /** Tables H2 lacks or leaves empty: always empty here except {@code pg_index}. */
  private static final String[] EMPTY = {
    "pg_index (oid INT, indexrelid INT, indrelid INT, indnatts SMALLINT, indnkeyatts SMALLINT,"
        + " indisunique BOOLEAN, indisprimary BOOLEAN, indisexclusion BOOLEAN, indimmediate BOOLEAN,"
        + " indisclustered BOOLEAN, indisvalid BOOLEAN, indcheckxmin BOOLEAN, indisready BOOLEAN,"
        + " indislive BOOLEAN, indisreplident BOOLEAN, indkey INT ARRAY, indcollation INT ARRAY,"
        + " indclass INT ARRAY, indoption INT ARRAY, indexprs VARCHAR, indpred VARCHAR)",
    "pg_collation (oid INT, collname VARCHAR, collnamespace INT, collowner INT,"
        + " collprovider CHAR(1), collencoding INT, collcollate VARCHAR, collctype VARCHAR)",
    "pg_enum (oid INT, enumtypid INT, enumsortorder REAL, enumlabel VARCHAR)",
    "pg_policy (oid INT, polname VARCHAR, polrelid INT, polcmd CHAR(1), polpermissive BOOLEAN,"
        + " polroles VARCHAR, polqual VARCHAR, polwithcheck VARCHAR)",
    "pg_trigger (oid INT, tgrelid INT, tgname VARCHAR, tgfoid INT, tgtype SMALLINT,"
        + " tgenabled CHAR(1), tgisinternal BOOLEAN, tgconstrrelid INT, tgconstrindid INT,"
        + " tgconstraint INT, tgdeferrable BOOLEAN, tginitdeferred BOOLEAN, tgnargs SMALLINT,"
        + " tgparentid INT)",
    "pg_rewrite (oid INT, rulename VARCHAR, ev_class INT, ev_type CHAR(1), ev_enabled CHAR(1),"
        + " is_instead BOOLEAN)",
    "pg_foreign_table (ftrelid INT, ftserver INT, ftoptions VARCHAR ARRAY)",
    "pg_sequence (seqrelid INT, seqtypid INT, seqstart BIGINT, seqincrement BIGINT,"
        + " seqmax BIGINT, seqmin BIGINT, seqcache BIGINT, seqcycle BOOLEAN)",
    "pg_partitioned_table (partrelid INT, partstrat CHAR(1), partnatts SMALLINT)",
    "pg_statistic_ext (oid INT, stxrelid INT, stxname VARCHAR, stxnamespace INT,"
        + " stxkeys INT ARRAY, stxkind VARCHAR ARRAY)",
    "pg_publication (oid INT, pubname VARCHAR, puballtables BOOLEAN)",
    "pg_publication_rel (oid INT, prpubid INT, prrelid INT)",
    "pg_tablespace (oid INT, spcname VARCHAR, spcowner INT)",
    "pg_proc (oid INT, proname VARCHAR, pronamespace INT, proowner INT, prokind CHAR(1),"
        + " proisagg BOOLEAN, proiswindow BOOLEAN, proretset BOOLEAN, prorettype INT,"
        + " pronargs SMALLINT, proargtypes VARCHAR, prosrc VARCHAR, prolang INT)",
  };

  private CatalogTables() {}

  /** The names of every table here, which {@link CatalogSql} redirects. */
  static List<String> names() {
    List<String> names = new ArrayList<>();
    for (String[] copy : COPIES) {
      names.add(copy[0]);
    }
    for (String empty : EMPTY) {
      names.add(empty.substring(0, empty.indexOf(' ')));
    }
    return names;
  }

  /** Creates the schema and its tables in the catalog database, after the engine's tables. */
  static void create(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + SCHEMA);
      for (String[] copy : COPIES) {
        s.execute(copyOf(c, copy));
      }
      for (String empty : EMPTY) {
        s.execute("CREATE TABLE " + SCHEMA + "." + empty);
      }
    }
    indexes(c);
    hideOwnTables(c);
  }

  /**
   * Takes this schema out of the copies (they were made after it existed) and gives clients {@code
   * information_schema.tables} and {@code columns} without it.
   */
  private static void hideOwnTables(Connection c) throws SQLException {
    String own =
        "(SELECT c.oid FROM "
            + SCHEMA
            + ".pg_class c JOIN "
            + SCHEMA
            + ".pg_namespace n"
            + " ON n.oid = c.relnamespace WHERE n.nspname = '"
            + SCHEMA
            + "')";
    try (Statement s = c.createStatement()) {
      s.execute("DELETE FROM " + SCHEMA + ".pg_attribute WHERE attrelid IN " + own);
      s.execute("DELETE FROM " + SCHEMA + ".pg_description WHERE objoid IN " + own);
      s.execute("DELETE FROM " + SCHEMA + ".pg_class WHERE oid IN " + own);
      s.execute("DELETE FROM " + SCHEMA + ".pg_namespace WHERE nspname = '" + SCHEMA + "'");
      s.execute("UPDATE " + SCHEMA + ".pg_database SET datname = '" + CatalogSql.DATABASE + "'");
      for (String view : List.of("tables", "columns")) {
        s.execute(
            "CREATE VIEW "
                + SCHEMA
                + ".information_schema_"
                + view
                + " AS SELECT * FROM information_schema."
                + view
                + " WHERE table_schema <> '"
                + SCHEMA
                + "'");
      }
    }
  }

  private static String copyOf(Connection c, String[] spec) throws SQLException {
    Set<String> present = new HashSet<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT column_name FROM information_schema.columns"
                + " WHERE table_schema = 'pg_catalog' AND table_name = ?")) {
      ps.setString(1, spec[0]);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          present.add(rs.getString(1).toLowerCase(Locale.ROOT));
        }
      }
    }
    StringBuilder sql =
        new StringBuilder("CREATE TABLE " + SCHEMA + "." + spec[0] + " AS SELECT b.*");
    for (int i = 1; i + 1 < spec.length; i += 2) {
      if (!present.contains(spec[i])) {
        sql.append(", ").append(spec[i + 1]).append(" AS ").append(spec[i]);
      }
    }
    return sql.append(" FROM pg_catalog.").append(spec[0]).append(" b").toString();
  }

  /**
   * Names each primary-key and unique index as its constraint, lists it in {@code pg_index} with
   * its columns, and links the constraint to it.
   */
  private static void indexes(Connection c) throws SQLException {
    List<String[]> constraints = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT table_schema, table_name, constraint_name, index_name, constraint_type"
                    + " FROM information_schema.table_constraints"
                    + " WHERE constraint_type IN ('PRIMARY KEY', 'UNIQUE') AND index_name IS NOT NULL")) {
      while (rs.next()) {
        constraints.add(
            new String[] {
              rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)
            });
      }
    }
    for (String[] k : constraints) {
      Integer table = oidOf(c, k[0], k[1]);
      Integer index = oidOf(c, k[0], k[3]);
      if (table == null || index == null) {
        continue;
      }
      List<Integer> attnums = new ArrayList<>();
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT a.attnum FROM information_schema.key_column_usage u"
                  + " JOIN "
                  + SCHEMA
                  + ".pg_attribute a ON a.attrelid = ? AND a.attname = u.column_name"
                  + " WHERE u.constraint_schema = ? AND u.constraint_name = ?"
                  + " ORDER BY u.ordinal_position")) {
        ps.setInt(1, table);
        ps.setString(2, k[0]);
        ps.setString(3, k[2]);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            attnums.add(rs.getInt(1));
          }
        }
      }
      boolean primary = k[4].equals("PRIMARY KEY");
      update(
          c,
          "UPDATE " + SCHEMA + ".pg_class SET relname = ?, relam = 403 WHERE oid = ?",
          k[2],
          index);
      update(c, "UPDATE " + SCHEMA + ".pg_class SET relhasindex = TRUE WHERE oid = ?", table);
      update(
          c,
          "UPDATE "
              + SCHEMA
              + ".pg_constraint SET conindid = ?, connamespace ="
              + " (SELECT relnamespace FROM "
              + SCHEMA
              + ".pg_class WHERE oid = ?)"
              + " WHERE conrelid = ? AND conname = ?",
          index,
          table,
          table,
          k[2]);
      update(
          c,
          "INSERT INTO "
              + SCHEMA
              + ".pg_index VALUES (?, ?, ?, ?, ?, TRUE, ?, FALSE, TRUE, FALSE,"
              + " TRUE, FALSE, TRUE, TRUE, FALSE, ?, NULL, NULL, NULL, NULL, NULL)",
          index,
          index,
          table,
          attnums.size(),
          attnums.size(),
          primary,
          c.createArrayOf("INTEGER", attnums.toArray()));
    }
  }

  private static Integer oidOf(Connection c, String schema, String relation) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.oid FROM "
                + SCHEMA
                + ".pg_class c JOIN "
                + SCHEMA
                + ".pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE n.nspname = ? AND c.relname = ?")) {
      ps.setString(1, schema);
      ps.setString(2, relation);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getInt(1) : null;
      }
    }
  }

  private static void update(Connection c, String sql, Object... args) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < args.length; i++) {
        ps.setObject(i + 1, args[i]);
      }
      ps.executeUpdate();
    }
  }
}
