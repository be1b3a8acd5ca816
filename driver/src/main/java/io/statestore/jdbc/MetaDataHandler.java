package io.statestore.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.util.List;

/**
 * Wraps the engine's metadata so that it tells the truth about statestore: its name and URL
 * (credentials redacted), the primary key of each {@code state} and {@code locks} table, no
 * transactions, and batch support.
 */
final class MetaDataHandler implements InvocationHandler {
  private final DatabaseMetaData target;
  private final Connection connection;
  private final String displayUrl;
  private final List<String> schemas;

  MetaDataHandler(
      DatabaseMetaData target, Connection connection, String displayUrl, List<String> schemas) {
    this.target = target;
    this.connection = connection;
    this.displayUrl = displayUrl;
    this.schemas = schemas;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (JdbcProxies.isWrapperCall(method)) {
      return JdbcProxies.wrapperCall(proxy, target, method, args);
    }
    switch (method.getName()) {
      case "getURL":
        return displayUrl;
      case "getUserName":
        return "";
      case "getConnection":
        return connection;
      case "getDatabaseProductName":
        return "statestore";
      case "getDatabaseProductVersion":
        return StatestoreDriver.VERSION;
      case "supportsTransactions",
      "supportsMultipleTransactions",
      "supportsDataDefinitionAndDataManipulationTransactions",
      "supportsDataManipulationTransactionsOnly",
      "supportsSavepoints",
      "supportsGetGeneratedKeys",
      "supportsStoredProcedures":
        return false;
      case "getDefaultTransactionIsolation":
        return Connection.TRANSACTION_NONE;
      case "supportsTransactionIsolationLevel":
        return (Integer) args[0] == Connection.TRANSACTION_NONE;
      case "supportsBatchUpdates":
        return true;
      case "isReadOnly":
        return false;
      case "getColumns":
        return ColumnsResultSet.wrap((java.sql.ResultSet) JdbcProxies.invoke(target, method, args));
      case "getPrimaryKeys":
        return primaryKeys((String) args[1], (String) args[2]);
      case "getIdentifierQuoteString":
        return "\"";
      default:
        return JdbcProxies.invoke(target, method, args);
    }
  }

  private Object primaryKeys(String schema, String table) throws java.sql.SQLException {
    StringBuilder values = new StringBuilder();
    for (String s : schemas) {
      for (String t : List.of("state", "locks")) {
        if ((schema == null || schema.equals(s)) && (table == null || table.equals(t))) {
          if (values.length() > 0) {
            values.append(", ");
          }
          values
              .append("(CAST(NULL AS VARCHAR), ")
              .append(literal(s))
              .append(", ")
              .append(literal(t))
              .append(", 'state_id', CAST(1 AS SMALLINT), ")
              .append(literal(t + "_pk"))
              .append(')');
        }
      }
    }
    String sql =
        values.length() == 0
            ? "SELECT CAST(NULL AS VARCHAR) AS TABLE_CAT, CAST(NULL AS VARCHAR) AS TABLE_SCHEM,"
                + " CAST(NULL AS VARCHAR) AS TABLE_NAME, CAST(NULL AS VARCHAR) AS COLUMN_NAME,"
                + " CAST(NULL AS SMALLINT) AS KEY_SEQ, CAST(NULL AS VARCHAR) AS PK_NAME"
                + " FROM (VALUES (1)) AS t(x) WHERE 1 = 0"
            : "SELECT * FROM (VALUES "
                + values
                + ") AS t(TABLE_CAT, TABLE_SCHEM, TABLE_NAME, COLUMN_NAME, KEY_SEQ, PK_NAME)";
    return connection.createStatement().executeQuery(sql);
  }

  private static String literal(String s) {
    return "'" + s.replace("'", "''") + "'";
  }
}
