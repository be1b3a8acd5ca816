package io.statestore.jdbc;

import io.statestore.core.ReadWarnings;
import io.statestore.core.WarningScope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;

/**
 * Wraps a result set: rows are read with the statement's {@link ReadWarnings} entered, so a damaged
 * state met while fetching shows in {@code getWarnings()} (SQLState 01000); errors get SQLStates;
 * {@code getStatement} returns the wrapped statement.
 */
final class ResultSetHandler implements InvocationHandler {
  private final ResultSet target;
  private final Statement statement;
  private final ReadWarnings warnings;

  ResultSetHandler(ResultSet target, Statement statement, ReadWarnings warnings) {
    this.target = target;
    this.statement = statement;
    this.warnings = warnings;
  }

  static ResultSet wrap(ResultSet target, Statement statement, ReadWarnings warnings) {
    return target == null
        ? null
        : JdbcProxies.wrap(ResultSet.class, new ResultSetHandler(target, statement, warnings));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (JdbcProxies.isWrapperCall(method)) {
      return JdbcProxies.wrapperCall(proxy, target, method, args);
    }
    switch (method.getName()) {
      case "getStatement":
        return statement;
      case "getWarnings":
        return chain((SQLWarning) JdbcProxies.invoke(target, method, args), warnings);
      case "clearWarnings":
        warnings.clear();
        return JdbcProxies.invoke(target, method, args);
      case "toString":
        return "StatestoreResultSet";
      case "hashCode":
        return System.identityHashCode(proxy);
      case "equals":
        return proxy == args[0];
      default:
        try (WarningScope scope = warnings.enter()) {
          return JdbcProxies.invoke(target, method, args);
        }
    }
  }

  /** The engine's own warnings followed by the collected ones, each with SQLState 01000. */
  static SQLWarning chain(SQLWarning engine, ReadWarnings warnings) throws SQLException {
    SQLWarning first = engine;
    for (String message : warnings.messages()) {
      SQLWarning w = new SQLWarning(SqlErrors.safe(message), "01000");
      if (first == null) {
        first = w;
      } else {
        first.setNextWarning(w);
      }
    }
    return first;
  }
}
