package io.statestore.jdbc;

import io.statestore.core.StateStore;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Wraps the engine's connection: statements and metadata are wrapped too, transactions are refused
 * honestly (every statement applies as it runs: auto-commit only), and closing the connection
 * closes its stores.
 */
final class ConnectionHandler implements InvocationHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionHandler.class);

  private final Connection target;
  private final List<StateStore> stores;
  private final String displayUrl;
  private final List<String> schemas;
  private Connection self;
  private volatile List<String> openWarnings = List.of();

  ConnectionHandler(
      Connection target, List<StateStore> stores, String displayUrl, List<String> schemas) {
    this.target = target;
    this.stores = stores;
    this.displayUrl = displayUrl;
    this.schemas = schemas;
  }

  /** Warnings given while the stores were opened, reported by getWarnings until cleared. */
  ConnectionHandler openWarnings(List<String> messages) {
    this.openWarnings = List.copyOf(messages);
    return this;
  }

  Connection proxy() {
    if (self == null) {
      self = JdbcProxies.wrap(Connection.class, this);
    }
    return self;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (JdbcProxies.isWrapperCall(method)) {
      return JdbcProxies.wrapperCall(proxy, target, method, args);
    }
    switch (method.getName()) {
      case "createStatement", "prepareStatement", "prepareCall" -> {
        Statement s = (Statement) JdbcProxies.invoke(target, method, args);
        Class<? extends Statement> type =
            s instanceof CallableStatement
                ? CallableStatement.class
                : s instanceof PreparedStatement ? PreparedStatement.class : Statement.class;
        return JdbcProxies.wrap(type, new StatementHandler(s, proxy()));
      }
      case "getMetaData" -> {
        DatabaseMetaData md = (DatabaseMetaData) JdbcProxies.invoke(target, method, args);
        return JdbcProxies.wrap(
            DatabaseMetaData.class, new MetaDataHandler(md, proxy(), displayUrl, schemas));
      }
      case "setAutoCommit" -> {
        if (!(Boolean) args[0]) {
          throw new SQLFeatureNotSupportedException(
              "statestore has no transactions: every statement applies state by state as it"
                  + " runs (auto-commit). setAutoCommit(false) is refused rather than pretended.",
              StatestoreErrorCode.FEATURE_NOT_SUPPORTED.sqlState());
        }
        return null;
      }
      case "getAutoCommit" -> {
        return true;
      }
      case "commit", "rollback" -> {
        // Auto-commit: nothing is ever pending, so there is nothing to commit or roll back.
        return null;
      }
      case "getTransactionIsolation" -> {
        return Connection.TRANSACTION_NONE;
      }
      case "setTransactionIsolation" -> {
        LOG.debug("Ignoring transaction isolation {}: statestore has no transactions", args[0]);
        return null;
      }
      case "close" -> {
        try {
          JdbcProxies.invoke(target, method, args);
        } finally {
          for (StateStore s : stores) {
            try {
              s.close();
            } catch (RuntimeException e) {
              LOG.warn("Closing {} failed", s.describe(), e);
            }
          }
        }
        return null;
      }
      case "getWarnings" -> {
        SQLWarning first = (SQLWarning) JdbcProxies.invoke(target, method, args);
        for (String message : openWarnings) {
          SQLWarning w = new SQLWarning(SqlErrors.safe(message), "01000");
          if (first == null) {
            first = w;
          } else {
            first.setNextWarning(w);
          }
        }
        return first;
      }
      case "clearWarnings" -> {
        openWarnings = List.of();
        return JdbcProxies.invoke(target, method, args);
      }
      case "toString" -> {
        return "StatestoreConnection[" + displayUrl + "]";
      }
      case "hashCode" -> {
        return System.identityHashCode(proxy);
      }
      case "equals" -> {
        return proxy == args[0];
      }
      default -> {
        return JdbcProxies.invoke(target, method, args);
      }
    }
  }
}
