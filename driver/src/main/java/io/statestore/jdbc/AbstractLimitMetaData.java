package io.statestore.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/**
 * statestore's names, versions and limits, for {@link StatestoreDatabaseMetaData}. A limit of 0
 * means none is known; a table has 3 columns and its one index (the primary key) 1. Keywords and
 * the scalar functions of the JDBC escape syntax are the SQL engine's.
 */
abstract class AbstractLimitMetaData extends AbstractFeatureMetaData {
  AbstractLimitMetaData(DatabaseMetaData engine, Connection owner) {
    super(engine, owner);
  }

  @Override
  public int getDriverMajorVersion() {
    return engine.getDriverMajorVersion();
  }

  @Override
  public int getDriverMinorVersion() {
    return engine.getDriverMinorVersion();
  }

  @Override
  public int getMaxBinaryLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() throws SQLException {
    return 1;
  }

  @Override
  public int getMaxColumnsInOrderBy() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() throws SQLException {
    return 3;
  }

  @Override
  public int getMaxConnections() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxIndexLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxRowSize() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxStatementLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxStatements() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() throws SQLException {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() throws SQLException {
    return 0;
  }

  @Override
  public long getMaxLogicalLobSize() throws SQLException {
    return 0;
  }

  @Override
  public String getDatabaseProductName() throws SQLException {
    return "statestore";
  }

  @Override
  public String getDatabaseProductVersion() throws SQLException {
    return StatestoreDriver.VERSION;
  }

  @Override
  public int getDatabaseMajorVersion() throws SQLException {
    return engine.getDatabaseMajorVersion();
  }

  @Override
  public int getDatabaseMinorVersion() throws SQLException {
    return engine.getDatabaseMinorVersion();
  }

  @Override
  public String getDriverName() throws SQLException {
    return engine.getDriverName();
  }

  @Override
  public String getDriverVersion() throws SQLException {
    return engine.getDriverVersion();
  }

  @Override
  public int getJDBCMajorVersion() throws SQLException {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() throws SQLException {
    return 2;
  }

  @Override
  public String getUserName() throws SQLException {
    return "";
  }

  @Override
  public String getSQLKeywords() throws SQLException {
    return engine.getSQLKeywords();
  }

  @Override
  public String getNumericFunctions() throws SQLException {
    return engine.getNumericFunctions();
  }

  @Override
  public String getStringFunctions() throws SQLException {
    return engine.getStringFunctions();
  }

  @Override
  public String getSystemFunctions() throws SQLException {
    return engine.getSystemFunctions();
  }

  @Override
  public String getTimeDateFunctions() throws SQLException {
    return engine.getTimeDateFunctions();
  }
}
