package io.statestore.jdbc;

import io.statestore.core.ReadWarnings;
import io.statestore.core.WarningScope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.Locale;
import java.util.TimeZone;

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
      case "getMetaData":
        return new StatestoreResultSetMetaData(
            (java.sql.ResultSetMetaData) JdbcProxies.invoke(target, method, args),
            target.getStatement().getConnection());
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
          if (isGetLocalDateTime(method, args)) {
            return localDateTime(args[0]);
          }
          return JdbcProxies.invoke(target, method, args);
        }
    }
  }

  private static boolean isGetLocalDateTime(Method method, Object[] args) {
    return method.getName().equals("getObject")
        && args != null
        && args.length == 2
        && args[1] == LocalDateTime.class;
  }

  /**
   * {@code getObject(column, LocalDateTime.class)}, which the engine does not convert: the column's
   * {@code TIMESTAMP} value, a wall-clock time without zone, as {@code getTimestamp} and {@code
   * getString} give it.
   */
  private LocalDateTime localDateTime(Object column) throws SQLException {
    try {
      // The engine holds the wall-clock time as milliseconds of that time read as UTC: read it
      // back with a UTC calendar, so that no gap of the JVM's zone can move it.
      Calendar utc = Calendar.getInstance(TimeZone.getTimeZone(ZoneOffset.UTC), Locale.ROOT);
      Timestamp t =
          column instanceof Integer index
              ? target.getTimestamp(index, utc)
              : target.getTimestamp((String) column, utc);
      return t == null ? null : LocalDateTime.ofInstant(t.toInstant(), ZoneOffset.UTC);
    } catch (SQLException | RuntimeException e) {
      throw SqlErrors.translate(e);
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
