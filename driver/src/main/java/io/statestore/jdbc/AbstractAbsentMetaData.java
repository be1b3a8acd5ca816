package io.statestore.jdbc;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

/**
 * What statestore does not have, for {@link StatestoreDatabaseMetaData}: procedures, functions in a
 * schema (the SQL's built-in functions are listed by {@link #getStringFunctions()} and its
 * siblings), keys between tables, privileges (whoever can open a store can read and write it),
 * user-defined types, table or type hierarchies, pseudo columns, and version columns ({@code
 * updated_at} may be unknown, so it cannot tell whether a row changed). Each answers with an empty
 * result set with the columns the JDBC Javadoc gives.
 */
abstract class AbstractAbsentMetaData extends AbstractLimitMetaData {
  AbstractAbsentMetaData(DatabaseMetaData engine, Connection owner) {
    super(engine, owner);
  }

  /** No column changes by itself on every write: {@code updated_at} may be unknown (NULL). */
  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.ROW_IDENTIFIER, List.of());
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.KEYS, List.of());
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.KEYS, List.of());
  }

  @Override
  public ResultSet getCrossReference(
      String parentCatalog,
      String parentSchema,
      String parentTable,
      String foreignCatalog,
      String foreignSchema,
      String foreignTable)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.KEYS, List.of());
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.PROCEDURES, List.of());
  }

  @Override
  public ResultSet getProcedureColumns(
      String catalog, String schemaPattern, String procedureNamePattern, String columnNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.PROCEDURE_COLUMNS, List.of());
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.FUNCTIONS, List.of());
  }

  @Override
  public ResultSet getFunctionColumns(
      String catalog, String schemaPattern, String functionNamePattern, String columnNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.FUNCTION_COLUMNS, List.of());
  }

  /** No privileges are granted or checked: whoever can open the store can read and write it. */
  @Override
  public ResultSet getColumnPrivileges(
      String catalog, String schema, String table, String columnNamePattern) throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.COLUMN_PRIVILEGES, List.of());
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.TABLE_PRIVILEGES, List.of());
  }

  @Override
  public ResultSet getUDTs(
      String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.UDTS, List.of());
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.SUPER_TYPES, List.of());
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.SUPER_TABLES, List.of());
  }

  @Override
  public ResultSet getAttributes(
      String catalog, String schemaPattern, String typeNamePattern, String attributeNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.ATTRIBUTES, List.of());
  }

  @Override
  public ResultSet getPseudoColumns(
      String catalog, String schemaPattern, String tableNamePattern, String columnNamePattern)
      throws SQLException {
    return MetaDataRows.query(owner, MetaDataColumns.PSEUDO_COLUMNS, List.of());
  }
}
