package io.statestore.server;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;

/** Turns the parameter values of a Bind message into Java values and binds them. */
final class PgParams {
  private PgParams() {}

  /** Decodes one parameter; {@code raw} null is SQL NULL. */
  static Object decode(byte[] raw, boolean binary, int oid) throws PgException {
    if (raw == null) {
      return null;
    }
    if (binary) {
      return decodeBinary(raw, oid);
    }
    String s = new String(raw, StandardCharsets.UTF_8);
    try {
      switch (oid) {
        case PgTypes.INT2:
        case PgTypes.INT4:
        case PgTypes.INT8:
        case PgTypes.OID:
          return Long.parseLong(s.strip());
        case PgTypes.FLOAT4:
        case PgTypes.FLOAT8:
          return Double.parseDouble(s.strip());
        case PgTypes.NUMERIC:
          return new BigDecimal(s.strip());
        case PgTypes.BOOL:
          return parseBool(s.strip());
        case PgTypes.TIMESTAMP:
        case PgTypes.TIMESTAMPTZ:
          return LocalDateTime.parse(stripZone(s.strip()), PgTypes.TIMESTAMP_PARSE);
        case PgTypes.DATE:
          return LocalDate.parse(s.strip());
        default:
          return s;
      }
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new PgException("22P02", "invalid input syntax for a parameter of type " + oid);
    }
  }

  private static String stripZone(String s) {
    // "2024-08-01 10:00:00+02" or "...Z": the engine's timestamps carry no zone
    int t = Math.max(s.indexOf(' '), s.indexOf('T'));
    if (t < 0) {
      return s;
    }
    for (int i = s.length() - 1; i > t; i--) {
      char c = s.charAt(i);
      if (c == '+' || c == '-' || c == 'Z') {
        return s.substring(0, i);
      }
    }
    return s;
  }

  private static Boolean parseBool(String s) throws PgException {
    switch (s.toLowerCase(java.util.Locale.ROOT)) {
      case "t":
      case "true":
      case "1":
      case "y":
      case "yes":
      case "on":
        return Boolean.TRUE;
      case "f":
      case "false":
      case "0":
      case "n":
      case "no":
      case "off":
        return Boolean.FALSE;
      default:
        throw new PgException("22P02", "invalid input syntax for type boolean");
    }
  }

  private static Object decodeBinary(byte[] raw, int oid) throws PgException {
    ByteBuffer b = ByteBuffer.wrap(raw);
    switch (oid) {
      case PgTypes.INT2:
        return (long) b.getShort();
      case PgTypes.INT4:
      case PgTypes.OID:
        return (long) b.getInt();
      case PgTypes.INT8:
        return b.getLong();
      case PgTypes.FLOAT4:
        return (double) b.getFloat();
      case PgTypes.FLOAT8:
        return b.getDouble();
      case PgTypes.BOOL:
        return raw[0] != 0;
      case PgTypes.BYTEA:
        return raw;
      case PgTypes.TIMESTAMP:
      case PgTypes.TIMESTAMPTZ:
        return PgTypes.EPOCH.plusNanos(b.getLong() * 1000);
      case PgTypes.DATE:
        return PgTypes.EPOCH.toLocalDate().plusDays(b.getInt());
      case PgTypes.TEXT:
      case PgTypes.VARCHAR:
      case PgTypes.BPCHAR:
      case PgTypes.JSON:
      case PgTypes.UNKNOWN:
      case PgTypes.UNSPECIFIED:
        return new String(raw, StandardCharsets.UTF_8);
      default:
        throw new PgException(
            "0A000", "binary parameters of type " + oid + " are not supported; send them as text");
    }
  }

  /** Binds one decoded value with the setter for its Java type. */
  static void bind(PreparedStatement ps, int index, Object v, int oid) throws SQLException {
    if (v == null) {
      ps.setNull(index, PgTypes.jdbcTypeOf(oid));
    } else if (v instanceof Long) {
      long l = (Long) v;
      if (oid == PgTypes.INT4 || oid == PgTypes.INT2) {
        ps.setInt(index, (int) l);
      } else {
        ps.setLong(index, l);
      }
    } else if (v instanceof Double) {
      ps.setDouble(index, (Double) v);
    } else if (v instanceof BigDecimal) {
      ps.setBigDecimal(index, (BigDecimal) v);
    } else if (v instanceof Boolean) {
      ps.setBoolean(index, (Boolean) v);
    } else if (v instanceof LocalDateTime) {
      ps.setTimestamp(index, Timestamp.valueOf((LocalDateTime) v));
    } else if (v instanceof LocalDate) {
      ps.setDate(index, java.sql.Date.valueOf((LocalDate) v));
    } else if (v instanceof byte[]) {
      ps.setBytes(index, (byte[]) v);
    } else {
      ps.setString(index, v.toString());
    }
  }
}
