package io.statestore.backend.systemdb;

import io.statestore.spi.StoreLocation;
import java.util.HashSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import java.util.Set;

/**
 * Everything needed to open a system database: the JDBC URL, credentials and table names. Its
 * {@link #toString()} and {@link #describe()} never show the password.
 *
 * @param jdbcUrl the JDBC URL, with any extra parameters of the store URI already appended
 * @param user the database user, or {@code null} for the driver's default
 * @param password the password, or {@code null}
 * @param table the state table's name, already checked to be a plain or qualified SQL name
 * @param lockTable the lock table's name, likewise checked
 * @param createTable whether the state table may be created (and written) in a database that
 *     Meltano's migrations have not set up; see {@link SystemDbSettings#CREATE_TABLE}
 */
record SystemDbConfig(
    String jdbcUrl,
    String user,
    String password,
    String table,
    String lockTable,
    boolean createTable) {

  SystemDbConfig {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl");
    Objects.requireNonNull(table, "table");
    Objects.requireNonNull(lockTable, "lockTable");
  }

  /** A config with the default table names and no credentials, for tests and embedding. */
  static SystemDbConfig of(String jdbcUrl) {
    return new SystemDbConfig(jdbcUrl, null, null, "state", "statestore_lock", false);
  }

  /** This config with {@code createTable} set. */
  SystemDbConfig withCreateTable(boolean create) {
    return new SystemDbConfig(jdbcUrl, user, password, table, lockTable, create);
  }

  /** The dialect the URL names, used before a connection exists. */
  Dialect urlDialect() {
    return Dialect.fromUrl(jdbcUrl);
  }

  /**
   * The connection properties: the credentials, and the dialect's defaults that the URL does not
   * set itself (some drivers let properties override URL parameters).
   */
  Properties connectionProperties() {
    Properties p = new Properties();
    Set<String> inUrl = urlParameterNames();
    urlDialect()
        .connectionDefaults()
        .forEach(
            (k, v) -> {
              if (!inUrl.contains(k.toString().toLowerCase(Locale.ROOT))) {
                p.put(k, v);
              }
            });
    if (user != null) {
      p.setProperty("user", user);
    }
    if (password != null) {
      p.setProperty("password", password);
    }
    return p;
  }

  private Set<String> urlParameterNames() {
    Set<String> names = new HashSet<>();
    for (String pair : jdbcUrl.split("[?&;]")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        names.add(pair.substring(0, eq).strip().toLowerCase(Locale.ROOT));
      }
    }
    return names;
  }

  /** {@code systemdb:} and the redacted JDBC URL. */
  String describe() {
    return "systemdb:" + StoreLocation.redact(jdbcUrl);
  }

  @Override
  public String toString() {
    return "SystemDbConfig["
        + describe()
        + ", table "
        + table
        + ", lock table "
        + lockTable
        + (createTable ? ", create table" : "")
        + "]";
  }
}
