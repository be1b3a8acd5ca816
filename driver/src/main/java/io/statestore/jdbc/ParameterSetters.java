package io.statestore.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.Ref;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The parameter setters of a prepared statement. Each binds the value on the engine's statement at
 * once (so a bad index or value fails here) and is recorded, so that a batch can bind each row
 * again. Streams are read when bound. A whole number bound to an {@code INTEGER}, {@code SMALLINT},
 * {@code TINYINT} or {@code BIGINT} parameter (a {@code LIMIT ?}, say) is converted to exactly that
 * type, whatever Java type it came as; 22003 when it does not fit.
 */
abstract class ParameterSetters extends StatestoreStatement implements PreparedStatement {
  /** One bound value, replayable on the engine's statement. */
  interface Binding {
    void bind(PreparedStatement p) throws SQLException;
  }

  /** The engine's prepared statement. */
  final PreparedStatement prepared;

  private final Map<Integer, Binding> bindings = new LinkedHashMap<>();
  private ParameterMetaData parameters;

  ParameterSetters(StatestoreConnection connection, PreparedStatement target, int holdability) {
    super(connection, target, holdability);
    this.prepared = target;
  }

  /** Binds now and records the binding for batches. */
  final void bind(int index, Binding binding) throws SQLException {
    checkOpen();
    SqlErrors.call(
        () -> {
          binding.bind(prepared);
          return null;
        },
        StatestoreErrorCode.INVALID_VALUE);
    synchronized (this) {
      bindings.put(index, binding);
    }
  }

  /** The bindings of the current row. */
  final synchronized Map<Integer, Binding> bindings() {
    return new LinkedHashMap<>(bindings);
  }

  /** Binds a row's recorded values again. */
  final void rebind(Map<Integer, Binding> row) throws SQLException {
    SqlErrors.call(
        () -> {
          prepared.clearParameters();
          for (Binding b : row.values()) {
            b.bind(prepared);
          }
          return null;
        },
        StatestoreErrorCode.INVALID_VALUE);
  }

  @Override
  public void clearParameters() throws SQLException {
    checkOpen();
    synchronized (this) {
      bindings.clear();
    }
    SqlErrors.call(
        () -> {
          prepared.clearParameters();
          return null;
        },
        StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public ParameterMetaData getParameterMetaData() throws SQLException {
    return run(prepared::getParameterMetaData);
  }

  /** The SQL type of a parameter, or {@link Types#OTHER} when the engine does not say. */
  private int parameterType(int index) {
    try {
      synchronized (this) {
        if (parameters == null) {
          parameters = prepared.getParameterMetaData();
        }
      }
      if (index < 1 || index > parameters.getParameterCount()) {
        return Types.OTHER;
      }
      return parameters.getParameterType(index);
    } catch (SQLException | RuntimeException e) {
      return Types.OTHER;
    }
  }

  /** Binds a number, converted to the parameter's integral type when it has one. */
  final void number(int index, Object value, Binding otherwise) throws SQLException {
    checkOpen();
    int type = value instanceof Number ? parameterType(index) : Types.OTHER;
    bind(index, IntegralParameters.binding(index, value, type, otherwise));
  }

  @Override
  public void setArray(int index, Array x) throws SQLException {
    bind(index, p -> p.setArray(index, x));
  }

  @Override
  public void setAsciiStream(int index, InputStream x, int y) throws SQLException {
    String s = Streams.text(x, StandardCharsets.US_ASCII, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setAsciiStream(int index, InputStream x, long y) throws SQLException {
    String s = Streams.text(x, StandardCharsets.US_ASCII, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setAsciiStream(int index, InputStream x) throws SQLException {
    String s = Streams.text(x, StandardCharsets.US_ASCII, -1);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setBigDecimal(int index, BigDecimal x) throws SQLException {
    number(index, x, p -> p.setBigDecimal(index, x));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, int y) throws SQLException {
    byte[] b = Streams.bytes(x, y);
    bind(index, p -> p.setBytes(index, b));
  }

  @Override
  public void setBinaryStream(int index, InputStream x, long y) throws SQLException {
    byte[] b = Streams.bytes(x, y);
    bind(index, p -> p.setBytes(index, b));
  }

  @Override
  public void setBinaryStream(int index, InputStream x) throws SQLException {
    byte[] b = Streams.bytes(x, -1);
    bind(index, p -> p.setBytes(index, b));
  }

  @Override
  public void setBlob(int index, InputStream x, long y) throws SQLException {
    byte[] b = Streams.bytes(x, y);
    bind(index, p -> p.setBytes(index, b));
  }

  @Override
  public void setBlob(int index, InputStream x) throws SQLException {
    byte[] b = Streams.bytes(x, -1);
    bind(index, p -> p.setBytes(index, b));
  }

  @Override
  public void setBlob(int index, Blob x) throws SQLException {
    bind(index, p -> p.setBlob(index, x));
  }

  @Override
  public void setBoolean(int index, boolean x) throws SQLException {
    bind(index, p -> p.setBoolean(index, x));
  }

  @Override
  public void setByte(int index, byte x) throws SQLException {
    number(index, x, p -> p.setByte(index, x));
  }

  @Override
  public void setBytes(int index, byte[] x) throws SQLException {
    bind(index, p -> p.setBytes(index, x));
  }

  @Override
  public void setCharacterStream(int index, Reader x, int y) throws SQLException {
    String s = Streams.text(x, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setCharacterStream(int index, Reader x, long y) throws SQLException {
    String s = Streams.text(x, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setCharacterStream(int index, Reader x) throws SQLException {
    String s = Streams.text(x, -1);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setClob(int index, Reader x, long y) throws SQLException {
    String s = Streams.text(x, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setClob(int index, Reader x) throws SQLException {
    String s = Streams.text(x, -1);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setClob(int index, Clob x) throws SQLException {
    bind(index, p -> p.setClob(index, x));
  }

  @Override
  public void setDate(int index, Date x, Calendar y) throws SQLException {
    bind(index, p -> p.setDate(index, x, y));
  }

  @Override
  public void setDate(int index, Date x) throws SQLException {
    bind(index, p -> p.setDate(index, x));
  }

  @Override
  public void setDouble(int index, double x) throws SQLException {
    bind(index, p -> p.setDouble(index, x));
  }

  @Override
  public void setFloat(int index, float x) throws SQLException {
    bind(index, p -> p.setFloat(index, x));
  }

  @Override
  public void setInt(int index, int x) throws SQLException {
    number(index, x, p -> p.setInt(index, x));
  }

  @Override
  public void setLong(int index, long x) throws SQLException {
    number(index, x, p -> p.setLong(index, x));
  }

  @Override
  public void setNCharacterStream(int index, Reader x, long y) throws SQLException {
    String s = Streams.text(x, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setNCharacterStream(int index, Reader x) throws SQLException {
    String s = Streams.text(x, -1);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setNClob(int index, Reader x, long y) throws SQLException {
    String s = Streams.text(x, y);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setNClob(int index, Reader x) throws SQLException {
    String s = Streams.text(x, -1);
    bind(index, p -> p.setString(index, s));
  }

  @Override
  public void setNClob(int index, NClob x) throws SQLException {
    bind(index, p -> p.setNClob(index, x));
  }

  @Override
  public void setNString(int index, String x) throws SQLException {
    bind(index, p -> p.setNString(index, x));
  }

  @Override
  public void setNull(int index, int x, String y) throws SQLException {
    bind(index, p -> p.setNull(index, x, y));
  }

  @Override
  public void setNull(int index, int x) throws SQLException {
    bind(index, p -> p.setNull(index, x));
  }

  @Override
  public void setObject(int index, Object x, int y, int z) throws SQLException {
    number(index, x, p -> p.setObject(index, x, y, z));
  }

  @Override
  public void setObject(int index, Object x, int y) throws SQLException {
    number(index, x, p -> p.setObject(index, x, y));
  }

  @Override
  public void setObject(int index, Object x, SQLType y, int z) throws SQLException {
    number(index, x, p -> p.setObject(index, x, y, z));
  }

  @Override
  public void setObject(int index, Object x, SQLType y) throws SQLException {
    number(index, x, p -> p.setObject(index, x, y));
  }

  @Override
  public void setObject(int index, Object x) throws SQLException {
    number(index, x, p -> p.setObject(index, x));
  }

  @Override
  public void setRef(int index, Ref x) throws SQLException {
    bind(index, p -> p.setRef(index, x));
  }

  @Override
  public void setRowId(int index, RowId x) throws SQLException {
    bind(index, p -> p.setRowId(index, x));
  }

  @Override
  public void setSQLXML(int index, SQLXML x) throws SQLException {
    bind(index, p -> p.setSQLXML(index, x));
  }

  @Override
  public void setShort(int index, short x) throws SQLException {
    number(index, x, p -> p.setShort(index, x));
  }

  @Override
  public void setString(int index, String x) throws SQLException {
    bind(index, p -> p.setString(index, x));
  }

  @Override
  public void setTime(int index, Time x, Calendar y) throws SQLException {
    bind(index, p -> p.setTime(index, x, y));
  }

  @Override
  public void setTime(int index, Time x) throws SQLException {
    bind(index, p -> p.setTime(index, x));
  }

  @Override
  public void setTimestamp(int index, Timestamp x, Calendar y) throws SQLException {
    bind(index, p -> p.setTimestamp(index, x, y));
  }

  @Override
  public void setTimestamp(int index, Timestamp x) throws SQLException {
    bind(index, p -> p.setTimestamp(index, x));
  }

  @Override
  public void setURL(int index, URL x) throws SQLException {
    bind(index, p -> p.setURL(index, x));
  }

  @Override
  public void setUnicodeStream(int index, InputStream x, int y) throws SQLException {
    String s = Streams.text(x, StandardCharsets.UTF_16BE, y);
    bind(index, p -> p.setString(index, s));
  }
}
