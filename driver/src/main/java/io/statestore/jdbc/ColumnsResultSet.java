package io.statestore.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Map;

/**
 * Wraps the result of {@code getColumns}: plain SQL type names ({@code VARCHAR}, not Calcite's
 * {@code VARCHAR NOT NULL}) as SQL clients expect, and a remark for each statestore column.
 */
final class ColumnsResultSet implements InvocationHandler {
  private static final int COLUMN_NAME = 4;
  private static final int TYPE_NAME = 6;
  private static final int REMARKS = 12;
  private static final int TABLE_NAME = 3;

  private static final Map<String, String> REMARK_TEXT =
      Map.of(
          "state.state_id", "The pipeline's state id, e.g. dev:tap-github-to-target-postgres.",
          "state.body",
              "The state document {\"completed\": ..., \"partial\": ...} as JSON text, as stored.",
          "state.updated_at",
              "When the state last changed, as wall-clock time without zone in the store's"
                  + " time_zone (default: the JVM's; a system database's value as stored); NULL"
                  + " when the store does not know.",
          "locks.state_id", "The locked state id.",
          "locks.locked_at",
              "When the lock was taken, as wall-clock time in the store's time_zone.",
          "locks.expires_at", "When the lock becomes stale (locked_at + lock_timeout_seconds).");

  private final ResultSet target;

  private ColumnsResultSet(ResultSet target) {
    this.target = target;
  }

  static ResultSet wrap(ResultSet target) {
    return JdbcProxies.wrap(ResultSet.class, new ColumnsResultSet(target));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    String name = method.getName();
    if ((name.equals("getString") || name.equals("getObject"))
        && args != null
        && args.length == 1) {
      int index =
          args[0] instanceof Integer i
              ? i
              : target.findColumn(((String) args[0]).toUpperCase(Locale.ROOT));
      if (index == TYPE_NAME) {
        String type = target.getString(TYPE_NAME);
        return type == null ? null : type.replace(" NOT NULL", "").replaceAll("\\(\\d+\\)$", "");
      }
      if (index == REMARKS) {
        String key = target.getString(TABLE_NAME) + "." + target.getString(COLUMN_NAME);
        return REMARK_TEXT.getOrDefault(key, target.getString(REMARKS));
      }
    }
    return JdbcProxies.invoke(target, method, args);
  }
}
