package io.statestore.jdbc;

import io.statestore.core.ReadWarnings;
import io.statestore.core.WarningScope;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Wraps a statement: errors get SQLStates, {@code getConnection} returns the wrapped connection,
 * and batches run as a sequence of single updates (each row its own backend write), reporting
 * counts and stopping at the first failure with a {@link BatchUpdateException}. Warnings of the
 * statement's reads (a damaged state returned as stored) are collected per statement and shown by
 * {@code getWarnings()} on the statement and its result sets.
 */
final class StatementHandler implements InvocationHandler {
  private final Statement target;
  private final Connection connection;
  private final List<String> sqlBatch = new ArrayList<>();
  private final List<Map<Integer, Setter>> paramBatch = new ArrayList<>();
  private final Map<Integer, Setter> params = new LinkedHashMap<>();
  private final ReadWarnings warnings = new ReadWarnings();

  /** One recorded {@code setXxx(index, value...)} call. */
  private record Setter(Method method, Object[] args) {}

  StatementHandler(Statement target, Connection connection) {
    this.target = target;
    this.connection = connection;
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if (JdbcProxies.isWrapperCall(method)) {
      return JdbcProxies.wrapperCall(proxy, target, method, args);
    }
    switch (name) {
      case "getConnection":
        return connection;
      case "addBatch":
        if (args == null || args.length == 0) {
          paramBatch.add(new LinkedHashMap<>(params));
        } else {
          sqlBatch.add((String) args[0]);
        }
        return null;
      case "clearBatch":
        sqlBatch.clear();
        paramBatch.clear();
        return null;
      case "clearParameters":
        params.clear();
        return JdbcProxies.invoke(target, method, args);
      case "executeBatch":
        warnings.clear();
        return toInts(runBatch());
      case "executeLargeBatch":
        warnings.clear();
        return runBatch();
      case "getWarnings":
        return ResultSetHandler.chain(
            (SQLWarning) JdbcProxies.invoke(target, method, args), warnings);
      case "clearWarnings":
        warnings.clear();
        return JdbcProxies.invoke(target, method, args);
      default:
        break;
    }
    if (name.startsWith("execute")) {
      warnings.clear();
    }
    if (name.startsWith("set")
        && args != null
        && args.length >= 2
        && args[0] instanceof Integer index
        && target instanceof PreparedStatement) {
      params.put(index, new Setter(method, args.clone()));
    }
    try (WarningScope scope = warnings.enter()) {
      Object result = JdbcProxies.invoke(target, method, args);
      return result instanceof ResultSet rs
          ? ResultSetHandler.wrap(rs, (Statement) proxy, warnings)
          : result;
    }
  }

  private long[] runBatch() throws SQLException {
    List<Long> counts = new ArrayList<>();
    try (WarningScope scope = warnings.enter()) {
      if (target instanceof PreparedStatement ps) {
        for (Map<Integer, Setter> row : paramBatch) {
          ps.clearParameters();
          for (Setter p : row.values()) {
            JdbcProxies.invoke(ps, p.method(), p.args());
          }
          counts.add(ps.executeLargeUpdate());
        }
      }
      for (String sql : sqlBatch) {
        counts.add(target.executeLargeUpdate(sql));
      }
      return counts.stream().mapToLong(Long::longValue).toArray();
    } catch (SQLException | RuntimeException e) {
      SQLException cause = SqlErrors.translate(e);
      long[] done = counts.stream().mapToLong(Long::longValue).toArray();
      throw new BatchUpdateException(
          "Batch entry " + (done.length + 1) + " failed: " + cause.getMessage(),
          cause.getSQLState(),
          cause.getErrorCode(),
          done,
          cause);
    } finally {
      sqlBatch.clear();
      paramBatch.clear();
    }
  }

  private static int[] toInts(long[] counts) {
    return Arrays.stream(counts).mapToInt(c -> (int) Math.min(Integer.MAX_VALUE, c)).toArray();
  }
}
