package io.statestore.jdbc;

import io.statestore.core.ReadWarnings;
import io.statestore.core.WarningScope;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.net.URL;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.Map;

/**
 * The getters of a result set by column index, each a call of the engine's result set with the
 * statement's {@link ReadWarnings} entered (a damaged state met while reading shows as a warning)
 * and any failure translated: one the engine does not classify is a value that cannot be read as
 * the type asked for (22018).
 */
abstract class ResultSetGetters extends RefusedUpdates {
  /** The engine's result set. */
  final ResultSet target;

  /** The warnings of the statement that made this result set. */
  final ReadWarnings warnings;

  ResultSetGetters(ResultSet target, ReadWarnings warnings) {
    this.target = target;
    this.warnings = warnings;
  }

  /** Translates a failure of this result set's statement (aborted, cancelled). */
  abstract SQLException failed(SQLException e);

  /** {@code getObject(column, type)}, which needs conversions the engine lacks. */
  abstract <T> T object(int column, Class<T> type) throws SQLException;

  /** Calls the engine with the warnings entered; a failure it does not classify is {@code code}. */
  final <T> T call(SqlCall<T> call, StatestoreErrorCode code) throws SQLException {
    checkOpen();
    try (WarningScope scope = warnings.enter()) {
      return SqlErrors.call(call, code);
    } catch (SQLException e) {
      throw failed(e);
    }
  }

  /** Reads a value: a failure nobody classifies is a value not readable as the type asked for. */
  final <T> T read(SqlCall<T> call) throws SQLException {
    return call(call, StatestoreErrorCode.INVALID_CAST);
  }

  @Override
  public Array getArray(int column) throws SQLException {
    return read(() -> target.getArray(column));
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    return read(() -> target.getAsciiStream(column));
  }

  @Override
  public BigDecimal getBigDecimal(int column, int x) throws SQLException {
    return read(() -> target.getBigDecimal(column, x));
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    return read(() -> target.getBigDecimal(column));
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    return read(() -> target.getBinaryStream(column));
  }

  @Override
  public Blob getBlob(int column) throws SQLException {
    return read(() -> target.getBlob(column));
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    return read(() -> target.getBoolean(column));
  }

  @Override
  public byte getByte(int column) throws SQLException {
    return read(() -> target.getByte(column));
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    return read(() -> target.getBytes(column));
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    return read(() -> target.getCharacterStream(column));
  }

  @Override
  public Clob getClob(int column) throws SQLException {
    return read(() -> target.getClob(column));
  }

  @Override
  public Date getDate(int column, Calendar x) throws SQLException {
    return read(() -> target.getDate(column, x));
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return read(() -> target.getDate(column));
  }

  @Override
  public double getDouble(int column) throws SQLException {
    return read(() -> target.getDouble(column));
  }

  @Override
  public float getFloat(int column) throws SQLException {
    return read(() -> target.getFloat(column));
  }

  @Override
  public int getInt(int column) throws SQLException {
    return read(() -> target.getInt(column));
  }

  @Override
  public long getLong(int column) throws SQLException {
    return read(() -> target.getLong(column));
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return read(() -> target.getNCharacterStream(column));
  }

  @Override
  public NClob getNClob(int column) throws SQLException {
    return read(() -> target.getNClob(column));
  }

  @Override
  public String getNString(int column) throws SQLException {
    return read(() -> target.getNString(column));
  }

  @Override
  public <T> T getObject(int column, Class<T> x) throws SQLException {
    return object(column, x);
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> x) throws SQLException {
    return read(() -> target.getObject(column, x));
  }

  @Override
  public Object getObject(int column) throws SQLException {
    return read(() -> target.getObject(column));
  }

  @Override
  public Ref getRef(int column) throws SQLException {
    return read(() -> target.getRef(column));
  }

  @Override
  public RowId getRowId(int column) throws SQLException {
    return read(() -> target.getRowId(column));
  }

  @Override
  public SQLXML getSQLXML(int column) throws SQLException {
    return read(() -> target.getSQLXML(column));
  }

  @Override
  public short getShort(int column) throws SQLException {
    return read(() -> target.getShort(column));
  }

  @Override
  public String getString(int column) throws SQLException {
    return read(() -> target.getString(column));
  }

  @Override
  public Time getTime(int column, Calendar x) throws SQLException {
    return read(() -> target.getTime(column, x));
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return read(() -> target.getTime(column));
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar x) throws SQLException {
    return read(() -> target.getTimestamp(column, x));
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return read(() -> target.getTimestamp(column));
  }

  @Override
  public URL getURL(int column) throws SQLException {
    return read(() -> target.getURL(column));
  }

  @Override
  public InputStream getUnicodeStream(int column) throws SQLException {
    return read(() -> target.getUnicodeStream(column));
  }
}
