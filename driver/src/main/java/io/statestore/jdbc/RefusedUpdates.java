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
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLType;
import java.sql.SQLXML;
import java.sql.Time;
import java.sql.Timestamp;

/**
 * The refused updaters of a result set by column label, and the refused row operations (insert,
 * update, delete, refresh): see {@link RefusedUpdatesByIndex}.
 */
abstract class RefusedUpdates extends RefusedUpdatesByIndex {
  @Override
  public void updateArray(String label, Array x) throws SQLException {
    throw readOnly("updateArray");
  }

  @Override
  public void updateAsciiStream(String label, InputStream x, int y) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, InputStream x, long y) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateAsciiStream(String label, InputStream x) throws SQLException {
    throw readOnly("updateAsciiStream");
  }

  @Override
  public void updateBigDecimal(String label, BigDecimal x) throws SQLException {
    throw readOnly("updateBigDecimal");
  }

  @Override
  public void updateBinaryStream(String label, InputStream x, int y) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, InputStream x, long y) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateBinaryStream(String label, InputStream x) throws SQLException {
    throw readOnly("updateBinaryStream");
  }

  @Override
  public void updateBlob(String label, InputStream x, long y) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(String label, InputStream x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBlob(String label, Blob x) throws SQLException {
    throw readOnly("updateBlob");
  }

  @Override
  public void updateBoolean(String label, boolean x) throws SQLException {
    throw readOnly("updateBoolean");
  }

  @Override
  public void updateByte(String label, byte x) throws SQLException {
    throw readOnly("updateByte");
  }

  @Override
  public void updateBytes(String label, byte[] x) throws SQLException {
    throw readOnly("updateBytes");
  }

  @Override
  public void updateCharacterStream(String label, Reader x, int y) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, Reader x, long y) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateCharacterStream(String label, Reader x) throws SQLException {
    throw readOnly("updateCharacterStream");
  }

  @Override
  public void updateClob(String label, Reader x, long y) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(String label, Reader x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateClob(String label, Clob x) throws SQLException {
    throw readOnly("updateClob");
  }

  @Override
  public void updateDate(String label, Date x) throws SQLException {
    throw readOnly("updateDate");
  }

  @Override
  public void updateDouble(String label, double x) throws SQLException {
    throw readOnly("updateDouble");
  }

  @Override
  public void updateFloat(String label, float x) throws SQLException {
    throw readOnly("updateFloat");
  }

  @Override
  public void updateInt(String label, int x) throws SQLException {
    throw readOnly("updateInt");
  }

  @Override
  public void updateLong(String label, long x) throws SQLException {
    throw readOnly("updateLong");
  }

  @Override
  public void updateNCharacterStream(String label, Reader x, long y) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateNCharacterStream(String label, Reader x) throws SQLException {
    throw readOnly("updateNCharacterStream");
  }

  @Override
  public void updateNClob(String label, Reader x, long y) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(String label, Reader x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNClob(String label, NClob x) throws SQLException {
    throw readOnly("updateNClob");
  }

  @Override
  public void updateNString(String label, String x) throws SQLException {
    throw readOnly("updateNString");
  }

  @Override
  public void updateNull(String label) throws SQLException {
    throw readOnly("updateNull");
  }

  @Override
  public void updateObject(String label, Object x, int y) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(String label, Object x, SQLType y, int z) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(String label, Object x, SQLType y) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateObject(String label, Object x) throws SQLException {
    throw readOnly("updateObject");
  }

  @Override
  public void updateRef(String label, Ref x) throws SQLException {
    throw readOnly("updateRef");
  }

  @Override
  public void updateRowId(String label, RowId x) throws SQLException {
    throw readOnly("updateRowId");
  }

  @Override
  public void updateSQLXML(String label, SQLXML x) throws SQLException {
    throw readOnly("updateSQLXML");
  }

  @Override
  public void updateShort(String label, short x) throws SQLException {
    throw readOnly("updateShort");
  }

  @Override
  public void updateString(String label, String x) throws SQLException {
    throw readOnly("updateString");
  }

  @Override
  public void updateTime(String label, Time x) throws SQLException {
    throw readOnly("updateTime");
  }

  @Override
  public void updateTimestamp(String label, Timestamp x) throws SQLException {
    throw readOnly("updateTimestamp");
  }

  @Override
  public void updateRow() throws SQLException {
    throw readOnly("updateRow");
  }

  @Override
  public void insertRow() throws SQLException {
    throw readOnly("insertRow");
  }

  @Override
  public void deleteRow() throws SQLException {
    throw readOnly("deleteRow");
  }

  @Override
  public void refreshRow() throws SQLException {
    throw readOnly("refreshRow");
  }

  @Override
  public void cancelRowUpdates() throws SQLException {
    throw readOnly("cancelRowUpdates");
  }

  @Override
  public void moveToInsertRow() throws SQLException {
    throw readOnly("moveToInsertRow");
  }

  @Override
  public void moveToCurrentRow() throws SQLException {
    throw readOnly("moveToCurrentRow");
  }

  @Override
  public boolean rowUpdated() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean rowInserted() throws SQLException {
    checkOpen();
    return false;
  }

  @Override
  public boolean rowDeleted() throws SQLException {
    checkOpen();
    return false;
  }
}
