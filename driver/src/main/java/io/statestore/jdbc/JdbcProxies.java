package io.statestore.jdbc;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.SQLException;

/** Helpers for the thin JDBC wrappers around the engine's objects. */
final class JdbcProxies {
  private JdbcProxies() {}

  @SuppressWarnings("unchecked")
  static <T> T wrap(Class<T> type, InvocationHandler handler) {
    return (T)
        Proxy.newProxyInstance(JdbcProxies.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** Calls the target, translating what it throws into a SQLException with a SQLState. */
  static Object invoke(Object target, Method method, Object[] args) throws SQLException {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      Throwable cause = e.getCause();
      if (cause instanceof SQLException || cause instanceof RuntimeException) {
        throw SqlErrors.translate(cause);
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw SqlErrors.translate(cause);
    } catch (IllegalAccessException e) {
      throw new StatestoreSQLException(StatestoreErrorCode.INTERNAL_ERROR, e.getMessage(), e);
    }
  }

  /** Handles {@code unwrap}/{@code isWrapperFor} for a wrapper of {@code type} over a target. */
  static boolean isWrapperCall(Method method) {
    return method.getName().equals("unwrap") || method.getName().equals("isWrapperFor");
  }

  static Object wrapperCall(Object proxy, Object target, Method method, Object[] args)
      throws SQLException {
    Class<?> iface = (Class<?>) args[0];
    if (method.getName().equals("isWrapperFor")) {
      return iface.isInstance(proxy)
          || iface.isInstance(target)
          || (Boolean) invoke(target, method, args);
    }
    if (iface.isInstance(proxy)) {
      return proxy;
    }
    if (iface.isInstance(target)) {
      return target;
    }
    return invoke(target, method, args);
  }
}
