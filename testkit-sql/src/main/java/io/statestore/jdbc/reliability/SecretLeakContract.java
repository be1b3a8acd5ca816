package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Secrets never leak: with a store whose URL and settings carry secrets, none of them appears in
 * exception messages (with their causes and suppressed exceptions, as a stack trace prints them),
 * in any log line at any level, in {@code toString()} of connections and stores, in {@link
 * java.sql.DatabaseMetaData#getURL()} or in {@link Driver#getPropertyInfo} values.
 */
public abstract class SecretLeakContract {
  /** A fresh store whose fixture lists at least one secret. */
  protected abstract StoreFixture store() throws Exception;

  private static void assertClean(StoreFixture store, String where, String text) {
    for (String secret : store.secrets()) {
      assertFalse(text != null && text.contains(secret), where + " shows a secret: " + text);
    }
  }

  private static String printed(Throwable t) {
    StringWriter out = new StringWriter();
    t.printStackTrace(new PrintWriter(out));
    return out + " " + t;
  }

  private static Map<String, String> asMap(Properties p) {
    Map<String, String> m = new HashMap<>();
    for (String k : p.stringPropertyNames()) {
      m.put(k, p.getProperty(k));
    }
    return m;
  }

  @Test
  void secretsNeverShowInUse() throws Exception {
    StoreFixture store = store();
    assertFalse(store.secrets().isEmpty(), "the fixture must carry secrets");
    try (LogCapture logs = new LogCapture()) {
      try (Connection c = DriverManager.getConnection(store.url(), store.properties());
          Statement s = c.createStatement()) {
        assertClean(store, "Connection.toString", c.toString());
        assertClean(store, "DatabaseMetaData.getURL", c.getMetaData().getURL());
        assertClean(store, "Statement.toString", s.toString());
        s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('a', '{\"completed\": {}}')");
        s.executeUpdate("UPDATE state SET body = '{\"partial\": {}}' WHERE state_id = 'a'");
        s.executeQuery("SELECT * FROM state WHERE state_id LIKE 'a%'").close();
        s.executeQuery("SELECT * FROM locks").close();
        s.executeUpdate("DELETE FROM state WHERE state_id = 'a'");
        List<SQLException> errors = new ArrayList<>();
        errors.add(assertThrows(SQLException.class, () -> s.executeQuery("SELEC nonsense")));
        errors.add(
            assertThrows(
                SQLException.class,
                () -> s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('b', '{x')")));
        errors.add(
            assertThrows(
                SQLException.class,
                () ->
                    s.executeUpdate(
                        "INSERT INTO state (state_id, body) VALUES ('', '{\"completed\": {}}')")));
        for (SQLException e : errors) {
          assertClean(store, "error", printed(e));
        }
      }
      Driver driver = DriverManager.getDriver(store.url());
      for (DriverPropertyInfo p : driver.getPropertyInfo(store.url(), store.properties())) {
        assertClean(store, "getPropertyInfo " + p.name, p.value);
        assertClean(store, "getPropertyInfo " + p.name, p.description);
      }
      try (StateStore s =
          StateStores.open(
              ForeignLocks.storeUri(store.url()),
              asMap(store.properties()),
              Environment.system(),
              k -> k.equals("user") || k.equals("password"),
              BackendRegistry.load())) {
        assertClean(store, "StateStore.toString", s.toString());
        assertClean(store, "StateStore.describe", s.describe());
        assertClean(store, "StateBackend.toString", s.backend().toString());
      }
      for (String line : logs.texts()) {
        assertClean(store, "log", line);
      }
    }
  }

  @Test
  void secretsNeverShowInConnectionErrors() throws Exception {
    StoreFixture store = store();
    List<Throwable> errors = new ArrayList<>();
    try (LogCapture logs = new LogCapture()) {
      // Settings go in properties here: a systemdb URL passes unknown query parameters on to the
      // database's own JDBC URL.
      for (Map.Entry<String, String> bad :
          Map.of("lock_timout_seconds", "1", "lock_timeout_seconds", "soon").entrySet()) {
        Properties p = new Properties();
        p.putAll(store.properties());
        p.setProperty(bad.getKey(), bad.getValue());
        errors.add(
            assertThrows(
                SQLException.class, () -> DriverManager.getConnection(store.url(), p).close()));
      }
      if (store.wrongCredentials().isPresent()) {
        // Some stores check credentials when connecting, others on first use.
        SQLException denied =
            assertThrows(
                SQLException.class,
                () -> {
                  try (Connection c =
                          DriverManager.getConnection(store.url(), store.wrongCredentials().get());
                      Statement s = c.createStatement()) {
                    s.executeQuery("SELECT * FROM state").close();
                    s.executeUpdate(
                        "INSERT INTO state (state_id, body) VALUES ('w', '{\"completed\": {}}')");
                  }
                });
        assertTrue(
            List.of("28000", "08001", "08006").contains(denied.getSQLState()),
            denied.getSQLState() + " " + denied.getMessage());
        errors.add(denied);
      }
      for (Throwable e : errors) {
        assertClean(store, "connection error", printed(e));
      }
      for (String line : logs.texts()) {
        assertClean(store, "log", line);
      }
    }
  }
}
