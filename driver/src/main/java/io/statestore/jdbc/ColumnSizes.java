package io.statestore.jdbc;

import io.statestore.calcite.StateSchema;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.apache.calcite.jdbc.CalciteConnection;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.lookup.LikePattern;

/**
 * The sizes that {@code getColumns} and result-set metadata report, the same in both.
 *
 * <ul>
 *   <li>{@code state_id}: {@value #MELTANO_ID_LENGTH} characters, the length of the column in
 *       Meltano's system database, or the store's own limit when its id rule allows longer ids.
 *   <li>{@code body}: {@link Integer#MAX_VALUE}, as PostgreSQL reports {@code text}: a document has
 *       no length limit here. sqlline and DBeaver size such a column from its values.
 *   <li>{@code updated_at} and the lock times: {@value #TIMESTAMP_LENGTH}, the length of {@code
 *       yyyy-mm-dd hh:mm:ss.fff}, with 3 fractional digits.
 *   <li>A computed text column without a declared length (e.g. {@code state_id || 'x'}): precision
 *       {@link Integer#MAX_VALUE} and a display size of {@value #COMPUTED_TEXT_DISPLAY}, so that
 *       grids and sqlline lay it out at a readable width.
 * </ul>
 */
final class ColumnSizes {
  /** The length of {@code state_id} in Meltano's system database table. */
  static final int MELTANO_ID_LENGTH = 900;

  /** The size of a text column without a length limit. */
  static final int UNLIMITED = Integer.MAX_VALUE;

  /** The length of a timestamp with milliseconds as text. */
  static final int TIMESTAMP_LENGTH = 23;

  /** The length of a time with milliseconds as text. */
  static final int TIME_LENGTH = 12;

  /** The length of a date as text. */
  static final int DATE_LENGTH = 10;

  /** The display size of a computed text column without a declared length. */
  static final int COMPUTED_TEXT_DISPLAY = 255;

  private final Map<String, Integer> idLengths;

  private ColumnSizes(Map<String, Integer> idLengths) {
    this.idLengths = idLengths;
  }

  /**
   * The sizes for the stores attached to an engine connection: every schema of its root that is a
   * statestore schema, with the longest id its store's rule allows.
   */
  static ColumnSizes of(Connection engine) throws SQLException {
    Map<String, Integer> lengths = new LinkedHashMap<>();
    SchemaPlus root = engine.unwrap(CalciteConnection.class).getRootSchema();
    for (String name : root.subSchemas().getNames(LikePattern.any())) {
      SchemaPlus schema = root.subSchemas().get(name);
      StateSchema state = schema == null ? null : stateSchema(schema);
      if (state != null) {
        int longest = state.store().idRule().longestAsciiId();
        int length =
            longest > MELTANO_ID_LENGTH && longest < UNLIMITED ? longest : MELTANO_ID_LENGTH;
        lengths.put(name.toLowerCase(Locale.ROOT), length);
      }
    }
    return new ColumnSizes(lengths);
  }

  private static StateSchema stateSchema(SchemaPlus schema) {
    try {
      return schema.unwrap(StateSchema.class);
    } catch (ClassCastException e) {
      return null; // the engine's own schema
    }
  }

  /** Whether a schema is one of the user's stores. */
  boolean isStoreSchema(String schema) {
    return schema != null && idLengths.containsKey(schema.toLowerCase(Locale.ROOT));
  }

  /** Whether a table is a {@code state} or {@code locks} table of one of the user's stores. */
  boolean isStoreTable(String schema, String table) {
    return isStoreSchema(schema)
        && (StateSchema.STATE.equalsIgnoreCase(table) || StateSchema.LOCKS.equalsIgnoreCase(table));
  }

  /** The length of {@code state_id} in a schema's tables. */
  int idLength(String schema) {
    Integer n = schema == null ? null : idLengths.get(schema.toLowerCase(Locale.ROOT));
    return n == null ? MELTANO_ID_LENGTH : n;
  }

  /**
   * The size of a column: characters for text, digits for numbers, the length as text for times.
   *
   * @param declared the engine's precision, 0 or less when none is declared
   */
  int size(String schema, String table, String column, int sqlType, int declared) {
    if (isStoreTable(schema, table) && "state_id".equalsIgnoreCase(column)) {
      return idLength(schema);
    }
    switch (sqlType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> {
        return declared > 0 ? declared : UNLIMITED;
      }
      case Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> {
        return TIMESTAMP_LENGTH - 4 + fraction(declared);
      }
      case Types.TIME, Types.TIME_WITH_TIMEZONE -> {
        return TIME_LENGTH - 4 + fraction(declared);
      }
      case Types.DATE -> {
        return DATE_LENGTH;
      }
      case Types.BOOLEAN, Types.BIT -> {
        return 1;
      }
      case Types.TINYINT -> {
        return 3;
      }
      case Types.SMALLINT -> {
        return 5;
      }
      case Types.INTEGER -> {
        return 10;
      }
      case Types.BIGINT -> {
        return 19;
      }
      case Types.REAL -> {
        return 7;
      }
      case Types.FLOAT, Types.DOUBLE -> {
        return 15;
      }
      default -> {
        return declared > 0 ? declared : UNLIMITED;
      }
    }
  }

  /** The number of characters a client needs to show a value of a column. */
  int displaySize(String schema, String table, String column, int sqlType, int declared) {
    int size = size(schema, table, column, sqlType, declared);
    switch (sqlType) {
      case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR -> {
        return size == UNLIMITED && !isStoreTable(schema, table) ? COMPUTED_TEXT_DISPLAY : size;
      }
      case Types.BOOLEAN, Types.BIT -> {
        return 5; // false
      }
      case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> {
        return size + 1; // the sign
      }
      case Types.REAL, Types.FLOAT, Types.DOUBLE -> {
        return 24; // -1.2345678901234567E-308
      }
      case Types.DECIMAL, Types.NUMERIC -> {
        return size + 2; // sign and point
      }
      default -> {
        return size == UNLIMITED ? COMPUTED_TEXT_DISPLAY : size;
      }
    }
  }

  /** The characters of a time's fraction of a second, the point included. */
  private static int fraction(int digits) {
    return digits > 0 ? digits + 1 : 0;
  }

  /**
   * Fractional digits of times (the engine's precision of a time type), the scale of numbers.
   *
   * @param precision the engine's precision
   * @param scale the engine's scale
   */
  static int scale(int sqlType, int precision, int scale) {
    return switch (sqlType) {
      case Types.TIMESTAMP, Types.TIME, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE ->
          Math.max(precision, 0);
      default -> Math.max(scale, 0);
    };
  }
}
