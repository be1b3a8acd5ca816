package io.statestore.jdbc;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.SQLException;
import java.sql.Types;

/**
 * Converts a number bound to an integral parameter ({@code LIMIT ?}, {@code OFFSET ?}, {@code FETCH
 * FIRST ? ROWS}, an integer column) to exactly the parameter's type, as the engine needs it: jOOQ
 * and others bind a {@code LIMIT} with {@code setLong} or a {@code BigDecimal}.
 */
final class IntegralParameters {
  private IntegralParameters() {}

  /**
   * The binding of {@code value} for a parameter of SQL type {@code type}: converted when the type
   * is integral, else {@code otherwise}; 22003 when the value is not a whole number in range.
   */
  static ParameterSetters.Binding binding(
      int index, Object value, int type, ParameterSetters.Binding otherwise) throws SQLException {
    return switch (type) {
      case Types.INTEGER -> {
        int v = exact(index, value, "INTEGER", Integer.MIN_VALUE, Integer.MAX_VALUE).intValue();
        yield p -> p.setInt(index, v);
      }
      case Types.SMALLINT -> {
        short v = exact(index, value, "SMALLINT", Short.MIN_VALUE, Short.MAX_VALUE).shortValue();
        yield p -> p.setShort(index, v);
      }
      case Types.TINYINT -> {
        byte v = exact(index, value, "TINYINT", Byte.MIN_VALUE, Byte.MAX_VALUE).byteValue();
        yield p -> p.setByte(index, v);
      }
      case Types.BIGINT -> {
        long v = exact(index, value, "BIGINT", Long.MIN_VALUE, Long.MAX_VALUE).longValue();
        yield p -> p.setLong(index, v);
      }
      default -> otherwise;
    };
  }

  private static BigInteger exact(int index, Object value, String type, long min, long max)
      throws SQLException {
    try {
      BigDecimal d =
          value instanceof BigDecimal b
              ? b
              : value instanceof BigInteger i
                  ? new BigDecimal(i)
                  : new BigDecimal(value.toString());
      BigInteger v = d.toBigIntegerExact();
      if (v.compareTo(BigInteger.valueOf(min)) >= 0 && v.compareTo(BigInteger.valueOf(max)) <= 0) {
        return v;
      }
    } catch (ArithmeticException | NumberFormatException e) {
      // a fraction, NaN or infinity: reported below
    }
    throw new StatestoreSQLException(
        StatestoreErrorCode.NUMERIC_OUT_OF_RANGE,
        "Parameter " + index + " is " + type + ": " + value + " is not a whole number it can hold",
        null);
  }
}
