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

  /**
   * {@code unwrap} of an object that wraps nothing it hands out: only a type the object is gives
   * it; any other type (or none) is refused as unsupported.
   *
   * @param what what the object is, for the message (e.g. "database metadata")
   */
  static <T> T unwrapSelf(Object self, String what, Class<T> iface) throws SQLException {
    if (iface != null && iface.isInstance(self)) {
      return iface.cast(self);
    }
    throw new StatestoreSQLException(
        StatestoreErrorCode.FEATURE_NOT_SUPPORTED,
        "statestore's " + what + " is not a " + (iface == null ? null : iface.getName()),
        null);
  }

  static boolean isWrapperFor(Object self, Object engine, Class<?> iface) {
    return iface != null
        && (iface.isInstance(self) || (engine != null && iface.isInstance(engine)));
  }
}
