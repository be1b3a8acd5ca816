package io.statestore.backend.systemdb;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the JDBC driver of a system database URL. The drivers statestore ships (H2, SQLite,
 * PostgreSQL) are loaded by class name, without {@link DriverManager}: its first use loads and
 * initialises every driver the class path declares, the SQL engine's own among them, which costs a
 * short-lived command about a tenth of a second. Other URLs go to {@link DriverManager} as before.
 */
final class JdbcDrivers {
  private static final Map<String, String> KNOWN =
      Map.of(
          "h2", "org.h2.Driver",
          "sqlite", "org.sqlite.JDBC",
          "postgresql", "org.postgresql.Driver");
  private static final Map<String, Driver> LOADED = new ConcurrentHashMap<>();

  private JdbcDrivers() {}

  /**
   * The driver that accepts {@code url}.
   *
   * @throws SQLException when no driver on the class path accepts it
   */
  static Driver driver(String url) throws SQLException {
    String[] parts = url.split(":", 3);
    String subprotocol = parts.length > 2 ? parts[1].toLowerCase(Locale.ROOT) : "";
    String name = KNOWN.get(subprotocol);
    if (name != null) {
      Driver known = LOADED.computeIfAbsent(subprotocol, k -> load(name));
      if (known != null && known.acceptsURL(url)) {
        return known;
      }
    }
    return DriverManager.getDriver(url);
  }

  /** Opens a connection to {@code url} through its driver. */
  static Connection connect(String url, Properties properties) throws SQLException {
    Connection c = driver(url).connect(url, properties);
    if (c == null) {
      throw new SQLException("No suitable driver found for the URL", "08001");
    }
    return c;
  }

  /** The driver class by name from the class loader that loaded statestore, or null. */
  private static Driver load(String className) {
    try {
      return (Driver)
          Class.forName(className, true, JdbcDrivers.class.getClassLoader())
              .getDeclaredConstructor()
              .newInstance();
    } catch (ReflectiveOperationException | LinkageError | ClassCastException e) {
      return null;
    }
  }
}
