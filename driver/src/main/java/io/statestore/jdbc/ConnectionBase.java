package io.statestore.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.NClob;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.ShardingKey;
import java.sql.Struct;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The settings of a driver connection: no transactions (every statement applies state by state as
 * it runs: auto-commit only, refused rather than pretended otherwise), client info of the standard
 * names, the network timeout pools set, and the JDBC features statestore does not have, each
 * refused with 0A000 and what to do instead.
 */
abstract class ConnectionBase implements Connection {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionBase.class);

  /** The client info names kept; others are reported as unknown. */
  static final Set<String> CLIENT_INFO = Set.of("ApplicationName", "ClientUser", "ClientHostname");

  private static final String NO_TRANSACTIONS =
      "statestore has no transactions: every statement applies state by state as it runs"
          + " (auto-commit)";

  private final Map<String, String> clientInfo = new LinkedHashMap<>();
  private volatile int networkTimeout;
  private volatile int holdability = ResultSet.HOLD_CURSORS_OVER_COMMIT;

  /** Throws 08003 when the connection is closed. */
  abstract void checkOpen() throws SQLException;

  /** The engine's connection. */
  abstract Connection engine();

  static SQLException invalid(String message) {
    return new StatestoreSQLException(StatestoreErrorCode.INVALID_VALUE, message, null);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    if (!autoCommit) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.FEATURE_NOT_SUPPORTED,
          NO_TRANSACTIONS + ". setAutoCommit(false) is refused rather than pretended.",
          null);
    }
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    return true;
  }

  /** Nothing is ever pending (auto-commit), so there is nothing to commit. */
  @Override
  public void commit() throws SQLException {
    checkOpen();
  }

  /** Nothing is ever pending (auto-commit), so there is nothing to roll back. */
  @Override
  public void rollback() throws SQLException {
    checkOpen();
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Connection.rollback(Savepoint)", NO_TRANSACTIONS);
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Connection.setSavepoint", NO_TRANSACTIONS);
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return setSavepoint();
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported("Connection.releaseSavepoint", NO_TRANSACTIONS);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    return TRANSACTION_NONE;
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    LOG.debug("Ignoring transaction isolation {}: statestore has no transactions", level);
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return new LinkedHashMap<>();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map != null && !map.isEmpty()) {
      throw SqlErrors.unsupported(
          "Connection.setTypeMap with entries", "statestore has no user-defined types");
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return holdability;
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    checkHoldability(holdability);
    this.holdability = holdability;
  }

  static void checkHoldability(int holdability) throws SQLException {
    if (holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT
        && holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw invalid(
          holdability + " is neither HOLD_CURSORS_OVER_COMMIT nor CLOSE_CURSORS_AT_COMMIT");
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    setClientInfo(name == null ? Map.of() : Map.of(name, value == null ? "" : value), false);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    Map<String, String> all = new LinkedHashMap<>();
    if (properties != null) {
      for (String name : properties.stringPropertyNames()) {
        all.put(name, properties.getProperty(name));
      }
    }
    setClientInfo(all, true);
  }

  private void setClientInfo(Map<String, String> values, boolean replace)
      throws SQLClientInfoException {
    try {
      checkOpen();
    } catch (SQLException e) {
      throw new SQLClientInfoException(e.getMessage(), e.getSQLState(), Map.of(), e);
    }
    Map<String, ClientInfoStatus> failed = new LinkedHashMap<>();
    for (String name : values.keySet()) {
      if (!CLIENT_INFO.contains(name)) {
        failed.put(name, ClientInfoStatus.REASON_UNKNOWN_PROPERTY);
      }
    }
    if (!failed.isEmpty()) {
      throw new SQLClientInfoException(
          "Unknown client info " + failed.keySet() + ": statestore keeps " + CLIENT_INFO,
          StatestoreErrorCode.INVALID_VALUE.sqlState(),
          failed);
    }
    synchronized (clientInfo) {
      if (replace) {
        clientInfo.clear();
      }
      values.forEach(
          (k, v) -> {
            if (v == null || v.isEmpty()) {
              clientInfo.remove(k);
            } else {
              clientInfo.put(k, v);
            }
          });
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    synchronized (clientInfo) {
      return clientInfo.get(name);
    }
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties p = new Properties();
    synchronized (clientInfo) {
      p.putAll(clientInfo);
    }
    return p;
  }

  /** Kept for pools; statestore's stores have their own connect and read timeouts. */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    if (executor == null) {
      throw invalid("setNetworkTimeout needs an executor");
    }
    if (milliseconds < 0) {
      throw invalid("The network timeout must be 0 or more milliseconds, not " + milliseconds);
    }
    networkTimeout = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeout;
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return SqlErrors.call(engine()::getCatalog, StatestoreErrorCode.INTERNAL_ERROR);
  }

  /** statestore has no catalogs to choose from: ignored, as JDBC asks. */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return SqlErrors.call(engine()::getSchema, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    SqlErrors.call(
        () -> {
          engine().setSchema(schema);
          return null;
        },
        StatestoreErrorCode.UNDEFINED_OBJECT);
  }

  /** statestore's SQL is what the engine runs: nothing to translate. */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  private SQLException noObjects(String method) throws SQLException {
    checkOpen();
    return SqlErrors.unsupported(
        "Connection." + method,
        "statestore's columns are text (state_id, body as JSON text) and timestamps: bind"
            + " strings with setString");
  }

  @Override
  public Clob createClob() throws SQLException {
    throw noObjects("createClob");
  }

  @Override
  public Blob createBlob() throws SQLException {
    throw noObjects("createBlob");
  }

  @Override
  public NClob createNClob() throws SQLException {
    throw noObjects("createNClob");
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw noObjects("createSQLXML");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw noObjects("createArrayOf");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw noObjects("createStruct");
  }

  private SQLException noSharding() throws SQLException {
    checkOpen();
    return SqlErrors.unsupported("Connection.setShardingKey", "statestore stores are not sharded");
  }

  @Override
  public void setShardingKey(ShardingKey key, ShardingKey superKey) throws SQLException {
    throw noSharding();
  }

  @Override
  public void setShardingKey(ShardingKey key) throws SQLException {
    throw noSharding();
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey key, ShardingKey superKey, int timeout)
      throws SQLException {
    throw noSharding();
  }

  @Override
  public boolean setShardingKeyIfValid(ShardingKey key, int timeout) throws SQLException {
    throw noSharding();
  }
}
