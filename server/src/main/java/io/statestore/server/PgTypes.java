package io.statestore.server;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.ChronoUnit;

/** PostgreSQL's type OIDs, sizes and JDBC equivalents for the types the server shows. */
final class PgTypes {
  static final int UNSPECIFIED = 0;
  static final int BOOL = 16;
  static final int BYTEA = 17;
  static final int INT8 = 20;
  static final int INT2 = 21;
  static final int INT4 = 23;
  static final int TEXT = 25;
  static final int OID = 26;
  static final int JSON = 114;
  static final int FLOAT4 = 700;
  static final int FLOAT8 = 701;
  static final int UNKNOWN = 705;
  static final int BPCHAR = 1042;
  static final int VARCHAR = 1043;
  static final int DATE = 1082;
  static final int TIME = 1083;
  static final int TIMESTAMP = 1114;
  static final int TIMESTAMPTZ = 1184;
  static final int NUMERIC = 1700;

  static final LocalDateTime EPOCH = LocalDateTime.of(2000, 1, 1, 0, 0);

  /** {@code 2024-08-01 10:00:00.5}: PostgreSQL's ISO output, fraction without trailing zeros. */
  static final DateTimeFormatter TIMESTAMP_TEXT =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.MICRO_OF_SECOND, 0, 6, true)
          .toFormatter();

  static final DateTimeFormatter TIMESTAMP_PARSE =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd")
          .optionalStart()
          .appendLiteral(' ')
          .optionalEnd()
          .optionalStart()
          .appendLiteral('T')
          .optionalEnd()
          .optionalStart()
          .appendPattern("HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .optionalEnd()
          .parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
          .toFormatter();

  private PgTypes() {}

  /** The OID a JDBC column type is shown as. */
  static int oidOf(int jdbcType) {
    switch (jdbcType) {
      case Types.BOOLEAN:
      case Types.BIT:
        return BOOL;
      case Types.BIGINT:
        return INT8;
      case Types.INTEGER:
        return INT4;
      case Types.SMALLINT:
      case Types.TINYINT:
        return INT2;
      case Types.REAL:
        return FLOAT4;
      case Types.FLOAT:
      case Types.DOUBLE:
        return FLOAT8;
      case Types.DECIMAL:
      case Types.NUMERIC:
        return NUMERIC;
      case Types.DATE:
        return DATE;
      case Types.TIME:
        return TIME;
      case Types.TIMESTAMP:
        return TIMESTAMP;
      case Types.TIMESTAMP_WITH_TIMEZONE:
        return TIMESTAMPTZ;
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return BYTEA;
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.NVARCHAR:
      case Types.NCHAR:
      case Types.LONGVARCHAR:
        return VARCHAR;
      default:
        return TEXT;
    }
  }

  /** The JDBC type a parameter of this OID is bound as. */
  static int jdbcTypeOf(int oid) {
    switch (oid) {
      case BOOL:
        return Types.BOOLEAN;
      case INT8:
        return Types.BIGINT;
      case INT4:
      case OID:
        return Types.INTEGER;
      case INT2:
        return Types.SMALLINT;
      case FLOAT4:
        return Types.REAL;
      case FLOAT8:
        return Types.DOUBLE;
      case NUMERIC:
        return Types.DECIMAL;
      case DATE:
        return Types.DATE;
      case TIME:
        return Types.TIME;
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return Types.TIMESTAMP;
      case BYTEA:
        return Types.VARBINARY;
      default:
        return Types.VARCHAR;
    }
  }

  /** The fixed size of a type's values in bytes, or -1 for variable size. */
  static int sizeOf(int oid) {
    switch (oid) {
      case BOOL:
        return 1;
      case INT2:
        return 2;
      case INT4:
      case OID:
      case FLOAT4:
      case DATE:
        return 4;
      case INT8:
      case FLOAT8:
      case TIME:
      case TIMESTAMP:
      case TIMESTAMPTZ:
        return 8;
      default:
        return -1;
    }
  }

  /** Whether {@link #binary} can encode values of this type. */
  static boolean hasBinary(int oid) {
    switch (oid) {
      case BOOL:
      case INT2:
      case INT4:
      case OID:
      case INT8:
      case FLOAT4:
      case FLOAT8:
      case TEXT:
      case VARCHAR:
      case BPCHAR:
      case JSON:
      case NAME_OID:
      case BYTEA:
      case DATE:
      case TIME:
      case TIMESTAMP:
      case NUMERIC:
        return true;
      default:
        return false;
    }
  }

  static final int NAME_OID = 19;

  /** A value in PostgreSQL's text format. */
  static String text(Object v) {
    if (v instanceof Boolean) {
      return ((Boolean) v) ? "t" : "f";
    }
    if (v instanceof java.sql.Timestamp) {
      return TIMESTAMP_TEXT.format(((java.sql.Timestamp) v).toLocalDateTime());
    }
    if (v instanceof LocalDateTime) {
      return TIMESTAMP_TEXT.format((LocalDateTime) v);
    }
    if (v instanceof java.sql.Date) {
      return ((java.sql.Date) v).toLocalDate().toString();
    }
    if (v instanceof java.sql.Time) {
      return ((java.sql.Time) v).toLocalTime().toString();
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d)) {
        return "NaN";
      }
      if (Double.isInfinite(d)) {
        return d > 0 ? "Infinity" : "-Infinity";
      }
      return v.toString();
    }
    if (v instanceof byte[]) {
      StringBuilder b = new StringBuilder("\\x");
      for (byte x : (byte[]) v) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    }
    if (v instanceof java.sql.Array) {
      return v.toString();
    }
    return v.toString();
  }

  /** A value in PostgreSQL's binary format for the column's OID (see {@link #hasBinary}). */
  static byte[] binary(Object v, int oid) {
    switch (oid) {
      case BOOL:
        return new byte[] {(byte) (Boolean.TRUE.equals(v) ? 1 : 0)};
      case INT2:
        return java.nio.ByteBuffer.allocate(2).putShort(((Number) v).shortValue()).array();
      case INT4:
      case OID:
        return java.nio.ByteBuffer.allocate(4).putInt(((Number) v).intValue()).array();
      case INT8:
        return java.nio.ByteBuffer.allocate(8).putLong(((Number) v).longValue()).array();
      case FLOAT4:
        return java.nio.ByteBuffer.allocate(4).putFloat(((Number) v).floatValue()).array();
      case FLOAT8:
        return java.nio.ByteBuffer.allocate(8).putDouble(((Number) v).doubleValue()).array();
      case BYTEA:
        return (byte[]) v;
      case NUMERIC:
        return PgNumeric.encode((BigDecimal) v);
      case DATE:
        LocalDate d = ((java.sql.Date) v).toLocalDate();
        int days = (int) ChronoUnit.DAYS.between(EPOCH.toLocalDate(), d);
        return java.nio.ByteBuffer.allocate(4).putInt(days).array();
      case TIME:
        LocalTime t = ((java.sql.Time) v).toLocalTime();
        return java.nio.ByteBuffer.allocate(8).putLong(t.toNanoOfDay() / 1000).array();
      case TIMESTAMP:
        LocalDateTime ts = ((java.sql.Timestamp) v).toLocalDateTime();
        long micros = ChronoUnit.MICROS.between(EPOCH, ts);
        return java.nio.ByteBuffer.allocate(8).putLong(micros).array();
      default:
        return text(v).getBytes(StandardCharsets.UTF_8);
    }
  }
}
