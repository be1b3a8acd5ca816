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

  private static final Pattern QUALIFIED_REGCLASS =
      Pattern.compile(
          "(?i)'((?:[^']|'')*\\.(?:[^']|'')*)'\\s*::\\s*(?:pg_catalog\\s*\\.\\s*)?regclass\\b");
  private static final Pattern OID_CAST =
      Pattern.compile(
          "(?i)(?<![\\w.])([A-Za-z_]\\w*(?:\\.[A-Za-z_]\\w*)?)\\s*::\\s*"
              + "(?:pg_catalog\\s*\\.\\s*)?(regclass|regtype)\\b");
  private static final Pattern CATALOG_TYPE =
      Pattern.compile("(?i)::\\s*pg_catalog\\s*\\.\\s*(\\w+)");
  private static final Pattern TABLES =
      Pattern.compile(
          "(?i)(?<![\\w.\"])(?:pg_catalog\\s*\\.\\s*)?("
              + String.join("|", CatalogTables.names())
              + ")\\b(?!\\s*\\()");

  /** A boolean catalog column compared with PostgreSQL's {@code 't'} or {@code 'f'}. */
  private static final Pattern BOOLEAN_LITERAL =
      Pattern.compile(
          "(?i)(\\b(?:indisprimary|indisunique|indisclustered|indisvalid|attnotnull|attisdropped"
              + "|atthasdef|relhasindex|condeferrable|condeferred|typnotnull)\\s*=\\s*)'([tf])'");

  /** Labels PostgreSQL accepts after AS that H2 reserves. */
  private static final Pattern KEYWORD_LABEL =
      Pattern.compile("(?i)\\bAS\\s+(default|user|value|key|year|month|day)\\b");

  private static final Pattern UNNEST = Pattern.compile("(?i)pg_catalog\\s*\\.\\s*unnest\\s*\\(");
  private static final Pattern INFO_VIEWS =
      Pattern.compile("(?i)(?<![\\w.\"])information_schema\\s*\\.\\s*(tables|columns)\\b");
  private static final Pattern FUNCTIONS =
      Pattern.compile(
          "(?i)(?<![\\w.\"])(?:pg_catalog\\s*\\.\\s*)?(pg_get_userbyid|pg_type_is_visible|pg_table_is_visible"
              + "|obj_description|col_description|pg_get_constraintdef|pg_get_indexdef"
              + "|pg_table_size|pg_relation_size|pg_total_relation_size|pg_size_pretty"
              + "|pg_function_is_visible|pg_get_function_result|pg_get_function_arguments)\\s*\\(");

  /** A type named in a literal: {@code 'pg_catalog.trigger'::pg_catalog.regtype}. */
  private static final Pattern NAMED_REGTYPE =
      Pattern.compile("(?i)('(?:[^']|'')*')\\s*::\\s*(?:pg_catalog\\s*\\.\\s*)?regtype\\b");

  /** psql's TOAST options of a table, from a correlated UNNEST H2 cannot run: never any here. */
  private static final Pattern TOAST_OPTIONS =
      Pattern.compile(
          "(?is)\\|\\|\\s*array\\s*\\(\\s*select\\s+'toast\\.'\\s*\\|\\|\\s*x\\s+from\\s+"
              + "(?:pg_catalog\\.)?unnest\\s*\\(\\s*tc\\.reloptions\\s*\\)\\s*x\\s*\\)");

  private static final Pattern PK_UNNEST =
      Pattern.compile(
          "(?is)unnest\\s*\\(\\s*ix\\.indkey\\s*\\)\\s+attnum\\s*,\\s*"
              + "generate_subscripts\\s*\\(\\s*ix\\.indkey\\s*,\\s*1\\s*\\)\\s+ord\\s+"
              + "FROM\\s+pg_index\\s+ix");

  private CatalogSql() {}

  /** Points the clients' pg_catalog tables and functions at the server's own catalog. */
  private static String ownCatalog(String sql) {
    Matcher q = QUALIFIED_REGCLASS.matcher(sql);
    StringBuilder b = new StringBuilder();
    while (q.find()) {
      q.appendReplacement(
          b,
          Matcher.quoteReplacement(
              CatalogTables.SCHEMA
                  + "."
                  + CatalogObjects.PREFIX
                  + "regclass_oid('"
                  + q.group(1)
                  + "')"));
    }
    sql = q.appendTail(b).toString();
    sql = TOAST_OPTIONS.matcher(sql).replaceAll("");
    sql =
        NAMED_REGTYPE
            .matcher(sql)
            .replaceAll(
                m ->
                    Matcher.quoteReplacement(
                        CatalogTables.SCHEMA
                            + "."
                            + CatalogObjects.PREFIX
                            + "regtype_oid("
                            + m.group(1)
                            + ")"));
    // SQLAlchemy's primary-key columns: set-returning functions in a select list
    sql =
        PK_UNNEST
            .matcher(sql)
            .replaceAll(
                "ARRAY_GET(ix.indkey, k.\"X\") attnum, k.\"X\" ord FROM pg_index ix"
                    + " JOIN SYSTEM_RANGE(1, 32) k ON k.\"X\" <= CARDINALITY(ix.indkey)");
    Matcher flag = BOOLEAN_LITERAL.matcher(sql);
    b = new StringBuilder();
    while (flag.find()) {
      flag.appendReplacement(b, flag.group(1) + (flag.group(2).equals("t") ? "TRUE" : "FALSE"));
    }
    sql = flag.appendTail(b).toString();
    return SqlText.mapCode(
        sql,
        code -> {
          String c =
              OID_CAST
                  .matcher(code)
                  .replaceAll(
                      m ->
                          CatalogTables.SCHEMA
                              + "."
                              + CatalogObjects.PREFIX
                              + m.group(2).toLowerCase()
                              + "_name("
                              + m.group(1)
                              + ")");
          c = CATALOG_TYPE.matcher(c).replaceAll("::$1");
          c = UNNEST.matcher(c).replaceAll("UNNEST(");
          c = KEYWORD_LABEL.matcher(c).replaceAll(m -> "AS \"" + m.group(1).toLowerCase() + "\"");
          c = INFO_VIEWS.matcher(c).replaceAll(CatalogTables.SCHEMA + ".information_schema_$1");
          c = TABLES.matcher(c).replaceAll(CatalogTables.SCHEMA + ".$1");
          return FUNCTIONS
              .matcher(c)
              .replaceAll(CatalogTables.SCHEMA + "." + CatalogObjects.PREFIX + "$1(");
        });
  }

  static String rewrite(String sql, String versionText) {
    if (sql.contains("_pg_expandarray(con.conkey)")) {
      sql = primaryKeys(sql);
    }
    sql = ownCatalog(sql);
    sql = VERSION.matcher(sql).replaceAll(Matcher.quoteReplacement(literal(versionText)));
    sql = DATABASE_FN.matcher(sql).replaceAll(Matcher.quoteReplacement(literal(DATABASE)));
    sql =
        FORMAT_TYPE
            .matcher(sql)
            .replaceAll(CatalogTables.SCHEMA + "." + CatalogObjects.PREFIX + "format_type(");
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
