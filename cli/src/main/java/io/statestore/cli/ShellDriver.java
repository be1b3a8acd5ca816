package io.statestore.cli;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

/**
 * Lets the SQL shell connect to a store with settings without putting them in the URL it shows: a
 * store URI and its settings are registered under an opaque {@code jdbc:statestore-shell:<n>} URL,
 * which this driver opens through the statestore driver. Secrets therefore never appear in the
 * shell's prompt or connection list.
 */
final class ShellDriver implements Driver {
  static final String PREFIX = "jdbc:statestore-shell:";
  private static final ShellDriver INSTANCE = new ShellDriver();
  private static final AtomicInteger NEXT = new AtomicInteger();
  private static final Map<String, Target> TARGETS = new ConcurrentHashMap<>();
  private static boolean registered;

  private record Target(String uri, Map<String, String> settings) {}

  private ShellDriver() {}

  /** Registers a store and returns the URL that opens it. */
  static synchronized String register(String uri, Map<String, String> settings)
      throws SQLException {
    if (!registered) {
      DriverManager.registerDriver(INSTANCE);
      registered = true;
    }
    String url = PREFIX + NEXT.incrementAndGet();
    TARGETS.put(url, new Target(uri, Map.copyOf(settings)));
    return url;
  }

  /** Forgets a registered URL. */
  static void unregister(String url) {
    TARGETS.remove(url);
  }

  @Override
  public Connection connect(String url, java.util.Properties info) throws SQLException {
    Target t = url == null ? null : TARGETS.get(url);
    return t == null ? null : StoreArgs.connect(t.uri(), t.settings());
  }

  @Override
  public boolean acceptsURL(String url) {
    return url != null && TARGETS.containsKey(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, java.util.Properties info) {
    return new DriverPropertyInfo[0];
  }

  @Override
  public int getMajorVersion() {
    return 0;
  }

  @Override
  public int getMinorVersion() {
    return 1;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() throws SQLFeatureNotSupportedException {
    throw new SQLFeatureNotSupportedException("no java.util.logging");
  }
}
