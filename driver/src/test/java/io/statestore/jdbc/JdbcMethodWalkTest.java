package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Calls every method of {@link Connection}, {@link Statement}, {@link PreparedStatement} and {@link
 * ResultSet} on live objects, once with plausible arguments and once with nulls: each call returns
 * or throws a {@link SQLException} with a SQLState and a message, never anything else, and every
 * JDBC object it returns is the driver's own.
 */
class JdbcMethodWalkTest {
  private static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  /** Methods that end the object; called last. */
  private static final Set<String> ENDING = Set.of("close", "abort");

  private final List<String> failures = new ArrayList<>();

  private static Connection open() throws SQLException {
    Connection c = DriverManager.getConnection("jdbc:statestore:memory:walk-" + UUID.randomUUID());
    try (Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('a', '" + BODY + "')");
    }
    return c;
  }

  @Test
  void everyConnectionMethod() throws Exception {
    walk(Connection.class, c -> c);
  }

  @Test
  void everyStatementMethod() throws Exception {
    walk(Statement.class, Connection::createStatement);
  }

  @Test
  void everyPreparedStatementMethod() throws Exception {
    walk(
        PreparedStatement.class,
        c -> c.prepareStatement("SELECT state_id, body FROM state WHERE state_id = ?"));
  }

  @Test
  void everyResultSetMethod() throws Exception {
    walk(
        ResultSet.class,
        c -> {
          ResultSet rs =
              c.createStatement().executeQuery("SELECT state_id, body, updated_at FROM state");
          rs.next();
          return rs;
        });
  }

  /** Makes the object to walk from a fresh connection. */
  private interface Maker<T> {
    T make(Connection c) throws SQLException;
  }

  private <T> void walk(Class<T> type, Maker<T> maker) throws Exception {
    List<Method> methods = new ArrayList<>();
    for (Method m : type.getMethods()) {
      if (!Modifier.isStatic(m.getModifiers())) {
        methods.add(m);
      }
    }
    methods.sort(
        Comparator.comparing((Method m) -> ENDING.contains(m.getName()))
            .thenComparing(Method::getName)
            .thenComparing(m -> Arrays.toString(m.getParameterTypes())));
    for (boolean nulls : new boolean[] {false, true}) {
      try (Connection c = open()) {
        T target = maker.make(c);
        for (Method m : methods) {
          call(type, target, m, nulls ? JdbcMethodWalkTest::nullArgument : this::argument);
        }
      }
    }
    assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n", failures));
  }

  private void call(Class<?> type, Object target, Method m, Function<Class<?>, Object> args) {
    Object[] values = Arrays.stream(m.getParameterTypes()).map(args).toArray();
    String what = type.getSimpleName() + "." + m.getName() + Arrays.toString(m.getParameterTypes());
    try {
      Object result = m.invoke(target, values);
      if ((result instanceof Connection
              || result instanceof Statement
              || result instanceof ResultSet)
          && !result.getClass().getName().startsWith("io.statestore.jdbc.")) {
        failures.add(what + " returned the engine's " + result.getClass().getName());
      }
      if (result instanceof ResultSet rs) {
        rs.close();
      }
    } catch (InvocationTargetException e) {
      Throwable t = e.getCause();
      if (!(t instanceof SQLException sql)) {
        failures.add(what + " threw " + t);
      } else if (sql.getSQLState() == null || sql.getMessage() == null) {
        failures.add(what + " threw " + t + " with SQLState " + sql.getSQLState());
      } else if (sql.getSQLState().equals("XX000")) {
        failures.add(what + " threw an internal error: " + sql.getMessage());
      }
    } catch (ReflectiveOperationException | SQLException e) {
      failures.add(what + ": " + e);
    }
  }

  private static Object nullArgument(Class<?> p) {
    return p.isPrimitive() ? primitive(p) : null;
  }

  private Object argument(Class<?> p) {
    if (p.isPrimitive()) {
      return primitive(p);
    }
    if (p == String.class) {
      return "state_id";
    }
    if (p.isArray()) {
      return java.lang.reflect.Array.newInstance(p.getComponentType(), 0);
    }
    if (p == Object.class) {
      return "x";
    }
    if (p == Class.class) {
      return String.class;
    }
    if (p == Executor.class) {
      return (Executor) Runnable::run;
    }
    if (p == Properties.class) {
      return new Properties();
    }
    if (p == Map.class) {
      return Map.of();
    }
    if (p == Calendar.class) {
      return Calendar.getInstance();
    }
    if (p == InputStream.class) {
      return new ByteArrayInputStream(new byte[0]);
    }
    if (p == Reader.class) {
      return new StringReader("");
    }
    if (p == BigDecimal.class) {
      return BigDecimal.ONE;
    }
    return null;
  }

  private static Object primitive(Class<?> p) {
    if (p == boolean.class) {
      return Boolean.FALSE;
    }
    if (p == long.class) {
      return 1L;
    }
    if (p == double.class) {
      return 1d;
    }
    if (p == float.class) {
      return 1f;
    }
    if (p == short.class) {
      return (short) 1;
    }
    if (p == byte.class) {
      return (byte) 1;
    }
    return 1;
  }
}
