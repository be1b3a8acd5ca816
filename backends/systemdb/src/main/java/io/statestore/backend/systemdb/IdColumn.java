package io.statestore.backend.systemdb;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The length of a table's {@code state_id} column, read from the database's metadata, so that the
 * ids a store accepts are exactly those its table can hold.
 */
final class IdColumn {
  private static final Logger LOG = LoggerFactory.getLogger(IdColumn.class);

  /** {@code state_id VARCHAR(900)}: Meltano's migration, and statestore's tables. */
  static final int MELTANO_LENGTH = 900;

  private IdColumn() {}

  /**
   * The declared length of {@code table.state_id} in characters, or {@link #MELTANO_LENGTH} when
   * the metadata does not tell.
   */
  static int length(Connection c, String table) {
    int dot = table.indexOf('.');
    String schema = dot < 0 ? currentSchema(c) : table.substring(0, dot);
    String name = dot < 0 ? table : table.substring(dot + 1);
    try {
      DatabaseMetaData md = c.getMetaData();
      for (String s : spellings(schema)) {
        for (String n : spellings(name)) {
          for (String col : spellings("state_id")) {
            try (ResultSet rs = md.getColumns(null, s, n, col)) {
              if (rs.next()) {
                int size = rs.getInt("COLUMN_SIZE");
                return size > 0 && !rs.wasNull() ? size : MELTANO_LENGTH;
              }
            }
          }
        }
      }
    } catch (SQLException | RuntimeException e) {
      LOG.debug("Could not read the length of {}.state_id; assuming {}", table, MELTANO_LENGTH, e);
    }
    return MELTANO_LENGTH;
  }

  private static String currentSchema(Connection c) {
    try {
      return c.getSchema();
    } catch (SQLException | AbstractMethodError e) {
      return null;
    }
  }

  private static Set<String> spellings(String name) {
    Set<String> out = new LinkedHashSet<>();
    if (name == null) {
      out.add(null);
      return out;
    }
    out.add(name);
    out.add(name.toUpperCase(Locale.ROOT));
    out.add(name.toLowerCase(Locale.ROOT));
    return out;
  }
}
