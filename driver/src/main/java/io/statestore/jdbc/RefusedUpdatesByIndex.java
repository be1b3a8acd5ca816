package io.statestore.jdbc;

import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSet;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The refused updaters of a result set, by column index: statestore's result sets are read-only
 * ({@link ResultSet#CONCUR_READ_ONLY}); states change by {@code UPDATE}, {@code INSERT}, {@code
 * MERGE} and {@code DELETE} statements.
 */
abstract class RefusedUpdatesByIndex implements ResultSet {
  /** Throws if the result set is closed. */
  abstract void checkOpen() throws SQLException;

  /** The error of an updater: 24000 when closed, else 0A000 naming the method. */
  final SQLException readOnly(String method) throws SQLException {
    checkOpen();
    return SqlErrors.unsupported(
        "ResultSet." + method,
        "result sets are read-only (CONCUR_READ_ONLY); change states with UPDATE, INSERT, MERGE"
            + " or DELETE statements");
  }

  @Override
  public void updateArray(int column, Array x) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override
  public void updateAsciiStream(int column, InputStream x, int y) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int column, InputStream x, long y) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(int column, InputStream x) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBigDecimal(int column, BigDecimal x) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override
  public void updateBinaryStream(int column, InputStream x, int y) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int column, InputStream x, long y) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(int column, InputStream x) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateBlob(int column, InputStream x, long y) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(int column, InputStream x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(int column, Blob x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBoolean(int column, boolean x) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override
  public void updateByte(int column, byte x) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override
  public void updateBytes(int column, byte[] x) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override
  public void updateCharacterStream(int column, Reader x, int y) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int column, Reader x, long y) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(int column, Reader x) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateClob(int column, Reader x, long y) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(int column, Reader x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(int column, Clob x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateDate(int column, Date x) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override
  public void updateDouble(int column, double x) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override
  public void updateFloat(int column, float x) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override
  public void updateInt(int column, int x) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override
  public void updateLong(int column, long x) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override
  public void updateNCharacterStream(int column, Reader x, long y) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(int column, Reader x) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateNClob(int column, Reader x, long y) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(int column, Reader x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(int column, NClob x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNString(int column, String x) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override
  public void updateNull(int column) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override
  public void updateObject(int column, Object x, int y) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(int column, Object x, SQLType y, int z) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(int column, Object x, SQLType y) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(int column, Object x) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateRef(int column, Ref x) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override
  public void updateRowId(int column, RowId x) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override
  public void updateSQLXML(int column, SQLXML x) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override
  public void updateShort(int column, short x) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override
  public void updateString(int column, String x) throws SQLException {
    throw readOnly("updateString");
  }

  @Override
  public void updateTime(int column, Time x) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override
  public void updateTimestamp(int column, Timestamp x) throws SQLException {
    throw readOnly("updateTimestamp");
  }
}
