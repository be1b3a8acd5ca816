package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Calls every method of {@link DatabaseMetaData} and {@link ResultSetMetaData} with plausible
 * arguments on a live connection: each returns, or throws a {@link SQLException} with a SQLState
 * and a message; none is a placeholder, and every result set returned can be read.
 */
class MetaDataReflectionWalkTest {
  private final List<String> problems = new ArrayList<>();

  @Test
  void everyMethodAnswersOrRefusesWithASqlState() throws Exception {
    try (Connection c =
            DriverManager.getConnection("jdbc:statestore:memory:walk-" + UUID.randomUUID());
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('dev:a', '{\"completed\": {}}')");
      DatabaseMetaData md = c.getMetaData();
      Method[] methods = DatabaseMetaData.class.getMethods();
      Arrays.sort(methods, Comparator.comparing(Method::toString));
      for (Method m : methods) {
        for (Object[] args : argumentSets(m)) {
          call(md, m, args);
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT *, state_id || 'x' FROM state")) {
        walkResultSet("SELECT from state", rs);
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM locks")) {
        walkResultSet("SELECT from locks", rs);
      }
    }
    if (!problems.isEmpty()) {
      fail(problems.size() + " problems:\n" + String.join("\n", problems));
    }
  }

  private void call(Object target, Method m, Object[] args) {
    Object result;
    try {
      result = m.invoke(target, args);
    } catch (InvocationTargetException e) {
      check(m, args, e.getCause());
      return;
    } catch (IllegalAccessException e) {
      problems.add(m + ": " + e);
      return;
    }
    if (result instanceof ResultSet rs) {
      try (rs) {
        walkResultSet(m.getName(), rs);
      } catch (SQLException e) {
        check(m, args, e);
      }
    }
  }

  private void check(Method m, Object[] args, Throwable t) {
    String where = m.getName() + Arrays.toString(args);
    if (!(t instanceof SQLException e)) {
      problems.add(where + " threw " + t);
      return;
    }
    if (e.getSQLState() == null || e.getMessage() == null) {
      problems.add(where + " threw without SQLState or message: " + e);
    } else if (e.getSQLState().equals("XX000")
        || e.getMessage().toLowerCase(Locale.ROOT).contains("todo")) {
      problems.add(where + " threw " + e.getSQLState() + " " + e.getMessage());
    }
  }

  private void walkResultSet(String from, ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    assertNotNull(md, from);
    int n = md.getColumnCount();
    while (rs.next()) {
      for (int i = 1; i <= n; i++) {
        rs.getObject(i);
      }
    }
    Method[] methods = ResultSetMetaData.class.getMethods();
    Arrays.sort(methods, Comparator.comparing(Method::toString));
    for (Method m : methods) {
      if (m.getParameterCount() == 1 && m.getParameterTypes()[0] == int.class) {
        for (int i = 0; i <= n + 1; i++) {
          call(md, m, new Object[] {i});
        }
        if (m.getName().equals("getColumnDisplaySize") || m.getName().equals("getPrecision")) {
          for (int i = 1; i <= n; i++) {
            try {
              if (md.getColumnType(i) == java.sql.Types.VARCHAR) {
                int v = (Integer) m.invoke(md, i);
                if (v <= 0) {
                  problems.add(from + " " + m.getName() + "(" + i + ") = " + v);
                }
              }
            } catch (ReflectiveOperationException e) {
              problems.add(from + " " + m.getName() + ": " + e.getCause());
            }
          }
        }
      } else {
        for (Object[] args : argumentSets(m)) {
          call(md, m, args);
        }
      }
    }
    assertNotEquals(0, n, from);
  }

  /** Plausible argument lists for a method: nulls, patterns, names and the usual constants. */
  private static List<Object[]> argumentSets(Method m) {
    Class<?>[] types = m.getParameterTypes();
    List<Object[]> sets = new ArrayList<>();
    for (int variant = 0; variant < 3; variant++) {
      Object[] args = new Object[types.length];
      int strings = 0;
      for (int i = 0; i < types.length; i++) {
        Class<?> t = types[i];
        if (t == String.class) {
          args[i] =
              switch (variant) {
                case 0 -> null;
                case 1 -> strings == 0 ? null : "%";
                default -> strings == 0 ? null : strings == 1 ? "statestore" : "state";
              };
          strings++;
        } else if (t == int.class) {
          args[i] = intArgument(m.getName(), i, variant);
        } else if (t == boolean.class) {
          args[i] = variant != 1;
        } else if (t == String[].class) {
          args[i] = variant == 2 ? new String[] {"TABLE"} : null;
        } else if (t == int[].class) {
          args[i] = null;
        } else if (t == Class.class) {
          args[i] = variant == 0 ? DatabaseMetaData.class : variant == 1 ? String.class : null;
        } else {
          args[i] = null;
        }
      }
      sets.add(args);
    }
    return sets;
  }

  private static int intArgument(String method, int index, int variant) {
    if (method.contains("Isolation")) {
      return variant == 0 ? Connection.TRANSACTION_NONE : Connection.TRANSACTION_SERIALIZABLE;
    }
    if (method.contains("Holdability")) {
      return variant == 0 ? ResultSet.HOLD_CURSORS_OVER_COMMIT : ResultSet.CLOSE_CURSORS_AT_COMMIT;
    }
    if (method.equals("supportsResultSetConcurrency") && index == 1) {
      return variant == 0 ? ResultSet.CONCUR_READ_ONLY : ResultSet.CONCUR_UPDATABLE;
    }
    if (method.startsWith("supportsResultSet")
        || method.endsWith("AreDetected")
        || method.endsWith("AreVisible")) {
      return variant == 0 ? ResultSet.TYPE_FORWARD_ONLY : ResultSet.TYPE_SCROLL_INSENSITIVE;
    }
    if (method.equals("supportsConvert")) {
      return java.sql.Types.VARCHAR;
    }
    return variant == 0 ? 1 : variant == 1 ? 0 : 2;
  }

  @Test
  void argumentSetsCoverEveryMethod() {
    for (Method m : DatabaseMetaData.class.getMethods()) {
      assertFalse(argumentSets(m).isEmpty(), m.toString());
    }
  }
}
