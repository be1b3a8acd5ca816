package io.statestore.backend.systemdb;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.StateStoreException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The two tables: Meltano's {@code state} table, created exactly as Meltano's migration {@code
 * 6828cc5b1a4f} creates it (with this database's types), and statestore's lock table. Existing
 * tables are used as they are, after checking that they have the expected columns, so opening an
 * existing Meltano database needs no DDL privilege. Which table is created when is decided by
 * {@link Tables}.
 */
final class Schema {
  private static final Logger LOG = LoggerFactory.getLogger(Schema.class);
  private static final Pattern NAME =
      Pattern.compile("[A-Za-z_][A-Za-z0-9_]*(\\.[A-Za-z_][A-Za-z0-9_]*)?");

  /** The columns of Meltano's state table. */
  static final List<String> STATE_COLUMNS =
      List.of("state_id", "partial_state", "completed_state", "updated_at");

  /** The columns of the lock table. */
  static final List<String> LOCK_COLUMNS = List.of("state_id", "content", "version", "updated_at");

  /** The longest lock content and version, in characters. */
  static final int LOCK_FIELD_LENGTH = 64;

  private Schema() {}

  /**
   * Checks a table name from a setting: a plain or schema-qualified SQL name, used unquoted.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming the setting
   */
  static String checkName(SettingDefinition setting, String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '"
              + setting.key()
              + "' must be a table name such as state or meltano.state (letters, digits and"
              + " '_'), got '"
              + name
              + "'");
    }
    return name;
  }

  /** Meltano's DDL for the state table, with this dialect's types. */
  static String stateTableDdl(Dialect dialect, String table) {
    return create(dialect, table)
        + " (state_id VARCHAR(900) NOT NULL, partial_state "
        + dialect.textType()
        + ", completed_state "
        + dialect.textType()
        + ", updated_at "
        + dialect.timestampType()
        + ", PRIMARY KEY (state_id), UNIQUE (state_id))";
  }

  /** The lock table's DDL. */
  static String lockTableDdl(Dialect dialect, String table) {
    return create(dialect, table)
        + " (state_id VARCHAR(900) NOT NULL, content VARCHAR("
        + LOCK_FIELD_LENGTH
        + ") NOT NULL, version VARCHAR("
        + LOCK_FIELD_LENGTH
        + ") NOT NULL, updated_at "
        + dialect.timestampType()
        + ", PRIMARY KEY (state_id))";
  }

  private static String create(Dialect dialect, String table) {
    return "CREATE TABLE " + (dialect.createIfNotExists() ? "IF NOT EXISTS " : "") + table;
  }

  /**
   * Whether a table exists, checking that an existing one has the expected columns. Creates
   * nothing.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when it lacks some
   */
  static boolean exists(Connection c, String table, List<String> expected) throws SQLException {
    Optional<Set<String>> columns = columns(c, table);
    if (columns.isEmpty()) {
      return false;
    }
    Set<String> missing = new LinkedHashSet<>(expected);
    missing.removeAll(columns.get());
    if (!missing.isEmpty()) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Table "
              + table
              + " exists but lacks the column(s) "
              + missing
              + "; expected "
              + expected);
    }
    return true;
  }

  /** Creates a missing table (another process may create it at the same time) and checks it. */
  static void create(Connection c, String table, List<String> expected, String ddl)
      throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(ddl);
      LOG.info("Created table {}", table);
    } catch (SQLException e) {
      // Another process may have created it in between; only fail if it is still missing.
      if (columns(c, table).isEmpty()) {
        throw e;
      }
    }
    if (!c.getAutoCommit()) {
      c.commit();
    }
    exists(c, table, expected);
  }

  /** The lower-case column names of a table, empty if there is no such table. */
  static Optional<Set<String>> columns(Connection c, String table) throws SQLException {
    int dot = table.indexOf('.');
    String schema = dot < 0 ? currentSchema(c) : table.substring(0, dot);
    String name = dot < 0 ? table : table.substring(dot + 1);
    DatabaseMetaData md = c.getMetaData();
    for (String s : variants(schema)) {
      for (String n : variants(name)) {
        try (ResultSet rs = md.getColumns(null, s, n, null)) {
          Set<String> found = new LinkedHashSet<>();
          while (rs.next()) {
            if (name.equalsIgnoreCase(rs.getString("TABLE_NAME"))) {
              found.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
          }
          if (!found.isEmpty()) {
            return Optional.of(found);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static String currentSchema(Connection c) {
    try {
      return c.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }

  private static List<String> variants(String name) {
    if (name == null) {
      return Arrays.asList((String) null);
    }
    Set<String> v = new LinkedHashSet<>();
    v.add(name);
    v.add(name.toUpperCase(Locale.ROOT));
    v.add(name.toLowerCase(Locale.ROOT));
    return List.copyOf(v);
  }
}
