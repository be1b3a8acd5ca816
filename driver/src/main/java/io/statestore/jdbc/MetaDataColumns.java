package io.statestore.jdbc;

import static io.statestore.jdbc.MetaDataRows.columns;

import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import java.util.Map;

/**
 * The columns of every {@link java.sql.DatabaseMetaData} result set, named and typed as the JDBC
 * Javadoc gives them, the types the SQL accepts, and the remarks on statestore's tables.
 */
final class MetaDataColumns {
  static final List<MetaDataRows.Column> CATALOGS = columns("TABLE_CAT");
  static final List<MetaDataRows.Column> SCHEMAS = columns("TABLE_SCHEM", "TABLE_CATALOG");
  static final List<MetaDataRows.Column> TABLE_TYPES = columns("TABLE_TYPE");
  static final List<MetaDataRows.Column> TABLES =
      columns(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "TABLE_TYPE",
          "REMARKS",
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "SELF_REFERENCING_COL_NAME",
          "REF_GENERATION");
  static final List<MetaDataRows.Column> COLUMNS =
      columns(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "DATA_TYPE:I",
          "TYPE_NAME",
          "COLUMN_SIZE:I",
          "BUFFER_LENGTH:I",
          "DECIMAL_DIGITS:I",
          "NUM_PREC_RADIX:I",
          "NULLABLE:I",
          "REMARKS",
          "COLUMN_DEF",
          "SQL_DATA_TYPE:I",
          "SQL_DATETIME_SUB:I",
          "CHAR_OCTET_LENGTH:I",
          "ORDINAL_POSITION:I",
          "IS_NULLABLE",
          "SCOPE_CATALOG",
          "SCOPE_SCHEMA",
          "SCOPE_TABLE",
          "SOURCE_DATA_TYPE:H",
          "IS_AUTOINCREMENT",
          "IS_GENERATEDCOLUMN");
  static final List<MetaDataRows.Column> PRIMARY_KEYS =
      columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "COLUMN_NAME", "KEY_SEQ:H", "PK_NAME");
  static final List<MetaDataRows.Column> INDEX_INFO =
      columns(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "NON_UNIQUE:B",
          "INDEX_QUALIFIER",
          "INDEX_NAME",
          "TYPE:H",
          "ORDINAL_POSITION:H",
          "COLUMN_NAME",
          "ASC_OR_DESC",
          "CARDINALITY:L",
          "PAGES:L",
          "FILTER_CONDITION");
  static final List<MetaDataRows.Column> KEYS =
      columns(
          "PKTABLE_CAT",
          "PKTABLE_SCHEM",
          "PKTABLE_NAME",
          "PKCOLUMN_NAME",
          "FKTABLE_CAT",
          "FKTABLE_SCHEM",
          "FKTABLE_NAME",
          "FKCOLUMN_NAME",
          "KEY_SEQ:H",
          "UPDATE_RULE:H",
          "DELETE_RULE:H",
          "FK_NAME",
          "PK_NAME",
          "DEFERRABILITY:H");
  static final List<MetaDataRows.Column> ROW_IDENTIFIER =
      columns(
          "SCOPE:H",
          "COLUMN_NAME",
          "DATA_TYPE:I",
          "TYPE_NAME",
          "COLUMN_SIZE:I",
          "BUFFER_LENGTH:I",
          "DECIMAL_DIGITS:H",
          "PSEUDO_COLUMN:H");
  static final List<MetaDataRows.Column> TYPE_INFO =
      columns(
          "TYPE_NAME",
          "DATA_TYPE:I",
          "PRECISION:I",
          "LITERAL_PREFIX",
          "LITERAL_SUFFIX",
          "CREATE_PARAMS",
          "NULLABLE:H",
          "CASE_SENSITIVE:B",
          "SEARCHABLE:H",
          "UNSIGNED_ATTRIBUTE:B",
          "FIXED_PREC_SCALE:B",
          "AUTO_INCREMENT:B",
          "LOCAL_TYPE_NAME",
          "MINIMUM_SCALE:H",
          "MAXIMUM_SCALE:H",
          "SQL_DATA_TYPE:I",
          "SQL_DATETIME_SUB:I",
          "NUM_PREC_RADIX:I");
  static final List<MetaDataRows.Column> PROCEDURES =
      columns(
          "PROCEDURE_CAT",
          "PROCEDURE_SCHEM",
          "PROCEDURE_NAME",
          "RESERVED1",
          "RESERVED2",
          "RESERVED3",
          "REMARKS",
          "PROCEDURE_TYPE:H",
          "SPECIFIC_NAME");
  static final List<MetaDataRows.Column> PROCEDURE_COLUMNS =
      columns(
          "PROCEDURE_CAT",
          "PROCEDURE_SCHEM",
          "PROCEDURE_NAME",
          "COLUMN_NAME",
          "COLUMN_TYPE:H",
          "DATA_TYPE:I",
          "TYPE_NAME",
          "PRECISION:I",
          "LENGTH:I",
          "SCALE:H",
          "RADIX:H",
          "NULLABLE:H",
          "REMARKS",
          "COLUMN_DEF",
          "SQL_DATA_TYPE:I",
          "SQL_DATETIME_SUB:I",
          "CHAR_OCTET_LENGTH:I",
          "ORDINAL_POSITION:I",
          "IS_NULLABLE",
          "SPECIFIC_NAME");
  static final List<MetaDataRows.Column> FUNCTIONS =
      columns(
          "FUNCTION_CAT",
          "FUNCTION_SCHEM",
          "FUNCTION_NAME",
          "REMARKS",
          "FUNCTION_TYPE:H",
          "SPECIFIC_NAME");
  static final List<MetaDataRows.Column> FUNCTION_COLUMNS =
      columns(
          "FUNCTION_CAT",
          "FUNCTION_SCHEM",
          "FUNCTION_NAME",
          "COLUMN_NAME",
          "COLUMN_TYPE:H",
          "DATA_TYPE:I",
          "TYPE_NAME",
          "PRECISION:I",
          "LENGTH:I",
          "SCALE:H",
          "RADIX:H",
          "NULLABLE:H",
          "REMARKS",
          "CHAR_OCTET_LENGTH:I",
          "ORDINAL_POSITION:I",
          "IS_NULLABLE",
          "SPECIFIC_NAME");
  static final List<MetaDataRows.Column> COLUMN_PRIVILEGES =
      columns(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "GRANTOR",
          "GRANTEE",
          "PRIVILEGE",
          "IS_GRANTABLE");
  static final List<MetaDataRows.Column> TABLE_PRIVILEGES =
      columns(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "GRANTOR",
          "GRANTEE",
          "PRIVILEGE",
          "IS_GRANTABLE");
  static final List<MetaDataRows.Column> UDTS =
      columns(
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "CLASS_NAME",
          "DATA_TYPE:I",
          "REMARKS",
          "BASE_TYPE:H");
  static final List<MetaDataRows.Column> SUPER_TYPES =
      columns(
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "SUPERTYPE_CAT",
          "SUPERTYPE_SCHEM",
          "SUPERTYPE_NAME");
  static final List<MetaDataRows.Column> SUPER_TABLES =
      columns("TABLE_CAT", "TABLE_SCHEM", "TABLE_NAME", "SUPERTABLE_NAME");
  static final List<MetaDataRows.Column> ATTRIBUTES =
      columns(
          "TYPE_CAT",
          "TYPE_SCHEM",
          "TYPE_NAME",
          "ATTR_NAME",
          "DATA_TYPE:I",
          "ATTR_TYPE_NAME",
          "ATTR_SIZE:I",
          "DECIMAL_DIGITS:I",
          "NUM_PREC_RADIX:I",
          "NULLABLE:I",
          "REMARKS",
          "ATTR_DEF",
          "SQL_DATA_TYPE:I",
          "SQL_DATETIME_SUB:I",
          "CHAR_OCTET_LENGTH:I",
          "ORDINAL_POSITION:I",
          "IS_NULLABLE",
          "SCOPE_CATALOG",
          "SCOPE_SCHEMA",
          "SCOPE_TABLE",
          "SOURCE_DATA_TYPE:H");
  static final List<MetaDataRows.Column> CLIENT_INFO =
      columns("NAME", "MAX_LEN:I", "DEFAULT_VALUE", "DESCRIPTION");
  static final List<MetaDataRows.Column> PSEUDO_COLUMNS =
      columns(
          "TABLE_CAT",
          "TABLE_SCHEM",
          "TABLE_NAME",
          "COLUMN_NAME",
          "DATA_TYPE:I",
          "COLUMN_SIZE:I",
          "DECIMAL_DIGITS:I",
          "NUM_PREC_RADIX:I",
          "COLUMN_USAGE",
          "REMARKS",
          "CHAR_OCTET_LENGTH:I",
          "IS_NULLABLE");

  /** The remark of each table. */
  static final Map<String, String> TABLE_REMARKS =
      Map.of(
          "state",
          "One row per pipeline state: its id, its JSON document and when it changed.",
          "locks",
          "The locks held now, one row per locked state id; DELETE removes a lock whoever"
              + " holds it.");

  /** The remark of each column, by {@code table.column}. */
  static final Map<String, String> COLUMN_REMARKS =
      Map.of(
          "state.state_id", "The pipeline's state id, e.g. dev:tap-github-to-target-postgres.",
          "state.body",
              "The state document {\"completed\": ..., \"partial\": ...} as JSON text, as stored.",
          "state.updated_at",
              "When the state last changed, as wall-clock time without zone in the store's"
                  + " time_zone (default: the JVM's; a system database's value as stored); NULL"
                  + " when the store does not know.",
          "locks.state_id", "The locked state id.",
          "locks.locked_at",
              "When the lock was taken, as wall-clock time in the store's time_zone.",
          "locks.expires_at", "When the lock becomes stale (locked_at + lock_timeout_seconds).");

  private static final short NULLABLE = (short) DatabaseMetaData.typeNullable;
  private static final short SEARCHABLE = (short) DatabaseMetaData.typeSearchable;
  private static final short NO_LIKE = (short) DatabaseMetaData.typePredBasic;

  /**
   * The types the SQL accepts in {@code CAST} and literals, ordered by {@code DATA_TYPE}: text is
   * compared with case, searched with {@code LIKE}; times carry up to 3 fractional digits.
   */
  static final List<Object[]> TYPES =
      List.of(
          type("TINYINT", Types.TINYINT, 3, null, null, null, NO_LIKE, 0, 0, 10),
          type("BIGINT", Types.BIGINT, 19, null, null, null, NO_LIKE, 0, 0, 10),
          type("VARBINARY", Types.VARBINARY, 65536, "X'", "'", "length", NO_LIKE, 0, 0, null),
          type("BINARY", Types.BINARY, 65536, "X'", "'", "length", NO_LIKE, 0, 0, null),
          type("CHAR", Types.CHAR, 65536, "'", "'", "length", SEARCHABLE, 0, 0, null),
          type("DECIMAL", Types.DECIMAL, 19, null, null, "precision,scale", NO_LIKE, 0, 19, 10),
          type("INTEGER", Types.INTEGER, 10, null, null, null, NO_LIKE, 0, 0, 10),
          type("SMALLINT", Types.SMALLINT, 5, null, null, null, NO_LIKE, 0, 0, 10),
          type("FLOAT", Types.FLOAT, 15, null, null, null, NO_LIKE, 0, 0, 10),
          type("REAL", Types.REAL, 7, null, null, null, NO_LIKE, 0, 0, 10),
          type("DOUBLE", Types.DOUBLE, 15, null, null, null, NO_LIKE, 0, 0, 10),
          type(
              "VARCHAR",
              Types.VARCHAR,
              Integer.MAX_VALUE,
              "'",
              "'",
              "length",
              SEARCHABLE,
              0,
              0,
              null),
          type("BOOLEAN", Types.BOOLEAN, 1, null, null, null, NO_LIKE, 0, 0, null),
          type("DATE", Types.DATE, 10, "DATE '", "'", null, NO_LIKE, 0, 0, null),
          type("TIME", Types.TIME, 12, "TIME '", "'", "precision", NO_LIKE, 0, 3, null),
          type(
              "TIMESTAMP",
              Types.TIMESTAMP,
              23,
              "TIMESTAMP '",
              "'",
              "precision",
              NO_LIKE,
              0,
              3,
              null));

  private MetaDataColumns() {}

  private static Object[] type(
      String name,
      int dataType,
      int precision,
      String prefix,
      String suffix,
      String params,
      short searchable,
      int minScale,
      int maxScale,
      Integer radix) {
    boolean text = dataType == Types.CHAR || dataType == Types.VARCHAR;
    return new Object[] {
      name,
      dataType,
      precision,
      prefix,
      suffix,
      params,
      NULLABLE,
      text,
      searchable,
      false,
      false,
      false,
      name,
      (short) minScale,
      (short) maxScale,
      null,
      null,
      radix
    };
  }
}
