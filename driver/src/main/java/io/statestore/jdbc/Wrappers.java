package io.statestore.jdbc;

import java.sql.SQLException;

/**
 * {@code unwrap} and {@code isWrapperFor} of the driver's JDBC objects: a JDBC interface (or any
 * type the object is) gives the object itself; the engine's object is handed out only when a type
 * of the engine is asked for by name (e.g. {@code CalciteConnection}).
 */
final class Wrappers {
  private Wrappers() {}

  static <T> T unwrap(Object self, Object engine, Class<T> iface) throws SQLException {
    if (iface == null) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_VALUE, "unwrap(null): name the interface to unwrap", null);
    }
    if (iface.isInstance(self)) {
      return iface.cast(self);
    }
    if (engine != null && iface.isInstance(engine)) {
      return iface.cast(engine);
    }
    throw new StatestoreSQLException(
        StatestoreErrorCode.INVALID_VALUE,
        self.getClass().getSimpleName() + " is not a wrapper for " + iface.getName(),
        null);
  }

  static boolean isWrapperFor(Object self, Object engine, Class<?> iface) {
    return iface != null
        && (iface.isInstance(self) || (engine != null && iface.isInstance(engine)));
  }
}
