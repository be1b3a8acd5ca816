package io.statestore.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites the catalog queries of PostgreSQL clients into forms the catalog database answers as
 * PostgreSQL would: the server's version and database name, {@code format_type}, and the
 * primary-key query of the PostgreSQL JDBC driver (which expands arrays of column numbers).
 */
final class CatalogSql {
  static final String DATABASE = "statestore";

  private static final Pattern VERSION =
      Pattern.compile("(?i)\\b(?:pg_catalog\\.)?version\\s*\\(\\s*\\)");
  private static final Pattern DATABASE_FN =
      Pattern.compile("(?i)\\b(?:pg_catalog\\.)?current_database\\s*\\(\\s*\\)");
  private static final Pattern FORMAT_TYPE =
      Pattern.compile("(?i)\\b(?:pg_catalog\\.)?format_type\\s*\\(");
  private static final Pattern PK_SCHEMA =
      Pattern.compile("(?i)n\\.nspname\\s*=\\s*(\\$\\d+|'(?:[^']|'')*')");
  private static final Pattern PK_TABLE =
      Pattern.compile("(?i)ct\\.relname\\s*=\\s*(\\$\\d+|'(?:[^']|'')*')");

  private static final Pattern CURRENT_SCHEMAS =
      Pattern.compile("(?i)\\b(?:pg_catalog\\.)?current_schemas\\s*\\(\\s*(true|false)\\s*\\)");
  private static final Pattern OPERATOR =
      Pattern.compile("(?i)OPERATOR\\s*\\(\\s*pg_catalog\\.([~!<>=*]+)\\s*\\)");
  private static final Pattern COLLATE_DEFAULT =
      Pattern.compile("(?i)\\s+COLLATE\\s+pg_catalog\\.\"?default\"?");

  private CatalogSql() {}

  static String rewrite(String sql, String versionText) {
    if (sql.contains("_pg_expandarray(con.conkey)")) {
      sql = primaryKeys(sql);
    }
    sql = VERSION.matcher(sql).replaceAll(Matcher.quoteReplacement(literal(versionText)));
    sql = DATABASE_FN.matcher(sql).replaceAll(Matcher.quoteReplacement(literal(DATABASE)));
    sql = FORMAT_TYPE.matcher(sql).replaceAll("statestore_format_type(");
    Matcher schemas = CURRENT_SCHEMAS.matcher(sql);
    StringBuilder b = new StringBuilder();
    while (schemas.find()) {
      boolean implicit = schemas.group(1).equalsIgnoreCase("true");
      schemas.appendReplacement(
          b, implicit ? "ARRAY['pg_catalog', current_schema()]" : "ARRAY[current_schema()]");
    }
    sql = schemas.appendTail(b).toString();
    // psql's forms: OPERATOR(pg_catalog.~) and COLLATE pg_catalog.default
    sql = OPERATOR.matcher(sql).replaceAll(" $1 ");
    sql = COLLATE_DEFAULT.matcher(sql).replaceAll("");
    return sql;
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** DatabaseMetaData.getPrimaryKeys of the PostgreSQL JDBC driver, over information_schema. */
  private static String primaryKeys(String sql) {
    StringBuilder q =
        new StringBuilder(
            "SELECT current_database() AS \"TABLE_CAT\", k.table_schema AS \"TABLE_SCHEM\","
                + " k.table_name AS \"TABLE_NAME\", k.column_name AS \"COLUMN_NAME\","
                + " k.ordinal_position AS \"KEY_SEQ\", k.constraint_name AS \"PK_NAME\""
                + " FROM information_schema.key_column_usage k"
                + " JOIN information_schema.table_constraints t"
                + " ON k.constraint_schema = t.constraint_schema"
                + " AND k.constraint_name = t.constraint_name"
                + " WHERE t.constraint_type = 'PRIMARY KEY'");
    Matcher schema = PK_SCHEMA.matcher(sql);
    if (schema.find()) {
      q.append(" AND k.table_schema = ").append(schema.group(1));
    }
    Matcher table = PK_TABLE.matcher(sql);
    if (table.find()) {
      q.append(" AND k.table_name = ").append(table.group(1));
    }
    return q.append(" ORDER BY k.table_name, k.constraint_name, k.ordinal_position").toString();
  }
}
