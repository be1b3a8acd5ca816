package io.statestore.server;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * PostgreSQL catalog functions over the server's own catalog tables ({@link CatalogTables}): object
 * names and OIDs ({@code ::regclass}, {@code ::regtype}), constraint and index definitions,
 * comments, owners. Called by the in-memory catalog database (H2 passes the connection first). Not
 * an API for applications.
 */
public final class CatalogObjects {
  private static final String S = CatalogTables.SCHEMA;

  /** Before each function's name: H2 keeps some of PostgreSQL's names for its own versions. */
  static final String PREFIX = "statestore_";

  private CatalogObjects() {}

  /** {@code pg_get_userbyid(oid)}: every catalog object belongs to the server. */
  public static String pgGetUserbyid(Integer oid) {
    return "statestore";
  }

  /**
   * {@code pg_table_is_visible(oid)}: whether the relation's schema is on the search path (the
   * session's schema, then {@code pg_catalog}), as PostgreSQL decides which of two same-named
   * tables an unqualified name means.
   */
  public static Boolean pgTableIsVisible(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    String[] r = relation(c, oid);
    return r != null && (r[2] != null || r[0].equals("pg_catalog"));
  }

  /**
   * The schema and name of the relation with this OID, and (third) non-null when its schema is the
   * session's current one; null when there is none.
   */
  private static String[] relation(Connection c, int oid) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT n.nspname, c.relname, CASE WHEN n.nspname = CURRENT_SCHEMA THEN 'y' END FROM "
                + S
                + ".pg_class c JOIN "
                + S
                + ".pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = ?")) {
      ps.setInt(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? new String[] {rs.getString(1), rs.getString(2), rs.getString(3)} : null;
      }
    }
  }

  /** {@code pg_type_is_visible(oid)}: the built-in types are all on the search path. */
  public static Boolean pgTypeIsVisible(Integer oid) {
    return oid == null ? null : Boolean.TRUE;
  }

  /** {@code regtype} of an OID as text: the type's SQL name, {@code -} for 0. */
  public static String regtypeName(Integer oid) {
    if (oid == null) {
      return null;
    }
    return oid == 0 ? "-" : CatalogFunctions.formatType(oid, -1);
  }

  /** {@code oid::regclass} as text: the relation's name, schema-qualified when not current. */
  public static String regclassName(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    String[] r = relation(c, oid);
    if (r == null) {
      return Integer.toString(oid);
    }
    String name = quoteIfNeeded(r[1]);
    return r[2] != null ? name : quoteIfNeeded(r[0]) + "." + name;
  }

  /** {@code 'name'::regclass}: the OID of a relation named as in SQL, qualified or not. */
  public static Integer regclassOid(Connection c, String name) throws SQLException {
    if (name == null) {
      return null;
    }
    List<String> parts = nameParts(name);
    String relation = parts.get(parts.size() - 1);
    String schema = parts.size() > 1 ? parts.get(parts.size() - 2) : null;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT c.oid FROM "
                + S
                + ".pg_class c JOIN "
                + S
                + ".pg_namespace n"
                + " ON n.oid = c.relnamespace WHERE c.relname = ?"
                + " AND (n.nspname = ? OR (? IS NULL AND n.nspname IN (CURRENT_SCHEMA, 'pg_catalog')))"
                + " ORDER BY CASE WHEN n.nspname = CURRENT_SCHEMA THEN 0 ELSE 1 END")) {
      ps.setString(1, relation);
      ps.setString(2, schema);
      ps.setString(3, schema);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getInt(1);
        }
      }
    }
    throw new SQLException("relation \"" + name + "\" does not exist", "42P01");
  }

  /** {@code obj_description(oid, catalog)}: a relation's comment. */
  public static String objDescription(Connection c, Integer oid, String catalog)
      throws SQLException {
    return description(c, oid, 0);
  }

  /** {@code obj_description(oid)}. */
  public static String objDescription(Connection c, Integer oid) throws SQLException {
    return description(c, oid, 0);
  }

  /** {@code col_description(table oid, column number)}: a column's comment. */
  public static String colDescription(Connection c, Integer oid, Integer column)
      throws SQLException {
    return column == null ? null : description(c, oid, column);
  }

  private static String description(Connection c, Integer oid, int sub) throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT description FROM " + S + ".pg_description WHERE objoid = ? AND objsubid = ?")) {
      ps.setInt(1, oid);
      ps.setInt(2, sub);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getString(1) : null;
      }
    }
  }

  /** {@code pg_get_constraintdef(oid, pretty)}: e.g. {@code PRIMARY KEY (state_id)}. */
  public static String pgGetConstraintdef(Connection c, Integer oid, Boolean pretty)
      throws SQLException {
    return pgGetConstraintdef(c, oid);
  }

  /** {@code pg_get_constraintdef(oid)}. */
  public static String pgGetConstraintdef(Connection c, Integer oid) throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT contype, conrelid, conkey FROM " + S + ".pg_constraint WHERE oid = ?")) {
      ps.setInt(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        String kind = rs.getString(1);
        String columns = columnList(c, rs.getInt(2), rs.getArray(3));
        switch (kind) {
          case "p":
            return "PRIMARY KEY (" + columns + ")";
          case "u":
            return "UNIQUE (" + columns + ")";
          default:
            return null;
        }
      }
    }
  }

  /** {@code pg_get_indexdef(oid, column, pretty)}: the whole definition when column is 0. */
  public static String pgGetIndexdef(Connection c, Integer oid, Integer column, Boolean pretty)
      throws SQLException {
    if (oid == null) {
      return null;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT i.indrelid, i.indkey, i.indisunique, x.relname FROM "
                + S
                + ".pg_index i"
                + " JOIN "
                + S
                + ".pg_class x ON x.oid = i.indexrelid WHERE i.indexrelid = ?")) {
      ps.setInt(1, oid);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          return null;
        }
        int table = rs.getInt(1);
        String columns = columnList(c, table, rs.getArray(2));
        if (column != null && column > 0) {
          String[] each = columns.split(", ");
          return column <= each.length ? each[column - 1] : "";
        }
        return "CREATE "
            + (rs.getBoolean(3) ? "UNIQUE " : "")
            + "INDEX "
            + quoteIfNeeded(rs.getString(4))
            + " ON "
            + regclassName(c, table)
            + " USING btree ("
            + columns
            + ")";
      }
    }
  }

  /** {@code pg_get_indexdef(oid)}. */
  public static String pgGetIndexdef(Connection c, Integer oid) throws SQLException {
    return pgGetIndexdef(c, oid, 0, Boolean.FALSE);
  }

  private static String columnList(Connection c, int table, Array attnums) throws SQLException {
    List<String> names = new ArrayList<>();
    if (attnums == null) {
      return "";
    }
    for (Object n : (Object[]) attnums.getArray()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT attname FROM " + S + ".pg_attribute WHERE attrelid = ? AND attnum = ?")) {
        ps.setInt(1, table);
        ps.setInt(2, ((Number) n).intValue());
        try (ResultSet rs = ps.executeQuery()) {
          names.add(rs.next() ? quoteIfNeeded(rs.getString(1)) : "?");
        }
      }
    }
    return String.join(", ", names);
  }

  /** Splits {@code schema.name}, folding unquoted parts to lower case as PostgreSQL does. */
  static List<String> nameParts(String name) {
    List<String> parts = new ArrayList<>();
    StringBuilder b = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < name.length(); i++) {
      char ch = name.charAt(i);
      if (ch == '"') {
        if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
          b.append('"');
          i++;
        } else {
          quoted = !quoted;
        }
      } else if (ch == '.' && !quoted) {
        parts.add(b.toString());
        b.setLength(0);
      } else {
        b.append(quoted ? ch : Character.toLowerCase(ch));
      }
    }
    parts.add(b.toString());
    return parts;
  }

  private static String quoteIfNeeded(String name) {
    return name.matches("[a-z_][a-z0-9_$]*") ? name : CatalogDatabase.quote(name);
  }

  /** Registers these functions in the catalog database's schema {@value CatalogTables#SCHEMA}. */
  static void register(Connection c) throws SQLException {
    String[][] aliases = {
      {"pg_get_userbyid", "pgGetUserbyid"},
      {"pg_type_is_visible", "pgTypeIsVisible"},
      {"pg_table_is_visible", "pgTableIsVisible"},
      {"regtype_name", "regtypeName"},
      {"regclass_name", "regclassName"},
      {"regclass_oid", "regclassOid"},
      {"obj_description", "objDescription"},
      {"col_description", "colDescription"},
      {"pg_get_constraintdef", "pgGetConstraintdef"},
      {"pg_get_indexdef", "pgGetIndexdef"},
    };
    String[][] own = {
      {"format_type", "formatType"},
      {"pg_table_size", "relationSize"},
      {"pg_relation_size", "relationSize"},
      {"pg_total_relation_size", "relationSize"},
      {"pg_size_pretty", "sizePretty"},
      {"pg_function_is_visible", "functionIsVisible"},
      {"pg_get_function_result", "functionText"},
      {"pg_get_function_arguments", "functionText"},
      {"regtype_oid", "regtypeOid"},
    };
    try (Statement s = c.createStatement()) {
      createAliases(s, own, CatalogFunctions.class);
      createAliases(s, aliases, CatalogObjects.class);
    }
  }

  /**
   * Creates each {@code {name, method}} pair as a catalog function backed by a static method of
   * {@code of}.
   */
  private static void createAliases(Statement s, String[][] pairs, Class<?> of)
      throws SQLException {
    for (String[] a : pairs) {
      s.execute(
          "CREATE ALIAS " + S + "." + PREFIX + a[0] + " FOR '" + of.getName() + "." + a[1] + "'");
    }
  }
}
