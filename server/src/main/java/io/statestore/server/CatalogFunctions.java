package io.statestore.server;

import java.util.List;

/**
 * PostgreSQL catalog functions whose answers the server gives itself, called by the in-memory
 * catalog database (H2 calls public static methods by name). Not an API for applications.
 */
public final class CatalogFunctions {
  /** The OID of PostgreSQL's {@code trigger} pseudo-type. */
  private static final int TRIGGER = 2279;

  /** The types {@link #formatType} names, for {@code 'name'::regtype}. */
  private static final int[] NAMED = {
    PgTypes.BOOL,
    PgTypes.BYTEA,
    PgTypes.NAME_OID,
    PgTypes.INT8,
    PgTypes.INT2,
    PgTypes.INT4,
    PgTypes.TEXT,
    PgTypes.OID,
    PgTypes.JSON,
    PgTypes.FLOAT4,
    PgTypes.FLOAT8,
    PgTypes.BPCHAR,
    PgTypes.VARCHAR,
    PgTypes.DATE,
    PgTypes.TIME,
    PgTypes.TIMESTAMP,
    PgTypes.TIMESTAMPTZ,
    PgTypes.NUMERIC
  };

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

  /**
   * {@code pg_table_size}, {@code pg_relation_size}, {@code pg_total_relation_size}: unknown (NULL)
   * for a store's tables, whose size only a full listing would tell.
   */
  public static Long relationSize(Integer oid) {
    return null;
  }

  /** {@code pg_size_pretty(bigint)}: bytes, kB, MB, GB or TB, rounded as PostgreSQL does. */
  public static String sizePretty(Long bytes) {
    if (bytes == null) {
      return null;
    }
    long size = bytes;
    if (Math.abs(size) < 10 * 1024) {
      return size + " bytes";
    }
    String[] units = {"kB", "MB", "GB", "TB"};
    size >>= 9; // in half units, to round to the nearest whole one
    for (int u = 0; ; u++) {
      if (Math.abs(size) < 20 * 1024 - 1 || u == units.length - 1) {
        return (size + (size < 0 ? -1 : 1)) / 2 + " " + units[u];
      }
      size >>= 10;
    }
  }

  /** {@code pg_function_is_visible(oid)}: the catalog lists no functions of the store's own. */
  public static Boolean functionIsVisible(Integer oid) {
    return oid == null ? null : Boolean.TRUE;
  }

  /**
   * {@code pg_get_function_result(oid)} and {@code pg_get_function_arguments(oid)}: NULL, as for an
   * OID that names no function (the catalog lists none).
   */
  public static String functionText(Integer oid) {
    return null;
  }

  /** {@code 'name'::regtype}: the OID of a built-in type named as in SQL, 0 if unknown. */
  public static Integer regtypeOid(String name) {
    if (name == null) {
      return null;
    }
    List<String> parts = CatalogObjects.nameParts(name);
    String type = parts.get(parts.size() - 1);
    if (type.equals("trigger")) {
      return TRIGGER;
    }
    for (int oid : NAMED) {
      if (type.equals(formatType(oid, -1))) {
        return oid;
      }
    }
    return 0;
  }
}
