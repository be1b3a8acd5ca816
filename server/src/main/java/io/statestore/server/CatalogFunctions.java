package io.statestore.server;

/**
 * PostgreSQL catalog functions whose answers the server gives itself, called by the in-memory
 * catalog database (H2 calls public static methods by name). Not an API for applications.
 */
public final class CatalogFunctions {
  private CatalogFunctions() {}

  /** {@code format_type(oid, typmod)}: the SQL name of a type, as psql and SQLAlchemy show it. */
  public static String formatType(Integer oid, Integer typmod) {
    if (oid == null) {
      return null;
    }
    int mod = typmod == null ? -1 : typmod;
    switch (oid) {
      case PgTypes.BOOL:
        return "boolean";
      case PgTypes.BYTEA:
        return "bytea";
      case PgTypes.NAME_OID:
        return "name";
      case PgTypes.INT8:
        return "bigint";
      case PgTypes.INT2:
        return "smallint";
      case PgTypes.INT4:
        return "integer";
      case PgTypes.TEXT:
        return "text";
      case PgTypes.OID:
        return "oid";
      case PgTypes.JSON:
        return "json";
      case PgTypes.FLOAT4:
        return "real";
      case PgTypes.FLOAT8:
        return "double precision";
      case PgTypes.BPCHAR:
        return mod >= 4 ? "character(" + (mod - 4) + ")" : "character";
      case PgTypes.VARCHAR:
        return mod >= 4 ? "character varying(" + (mod - 4) + ")" : "character varying";
      case PgTypes.DATE:
        return "date";
      case PgTypes.TIME:
        return "time without time zone";
      case PgTypes.TIMESTAMP:
        return "timestamp without time zone";
      case PgTypes.TIMESTAMPTZ:
        return "timestamp with time zone";
      case PgTypes.NUMERIC:
        return "numeric";
      default:
        return "???";
    }
  }
}
