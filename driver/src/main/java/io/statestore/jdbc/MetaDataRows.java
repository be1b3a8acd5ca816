package io.statestore.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Builds the result sets of {@link StatestoreDatabaseMetaData}: rows computed in Java, returned by
 * a {@code VALUES} query run on the user's connection, so that they are read, described and closed
 * like any other result set of the driver. Also matches JDBC name patterns.
 */
final class MetaDataRows {
  /** A column of a metadata result set: its name and its JDBC type, as the JDBC Javadoc gives. */
  record Column(String name, int type) {}

  private MetaDataRows() {}

  /**
   * Columns from pairs of a name and a letter: {@code S} text, {@code I} int, {@code H} short,
   * {@code B} boolean, {@code L} long.
   */
  static List<Column> columns(String... spec) {
    List<Column> out = new ArrayList<>();
    for (String s : spec) {
      int colon = s.indexOf(':');
      String name = colon < 0 ? s : s.substring(0, colon);
      char kind = colon < 0 ? 'S' : s.charAt(colon + 1);
      int type =
          switch (kind) {
            case 'I' -> Types.INTEGER;
            case 'H' -> Types.SMALLINT;
            case 'B' -> Types.BOOLEAN;
            case 'L' -> Types.BIGINT;
            default -> Types.VARCHAR;
          };
      out.add(new Column(name, type));
    }
    return List.copyOf(out);
  }

  /** A result set with the columns and rows given, in that order. */
  static ResultSet query(Connection owner, List<Column> columns, List<Object[]> rows)
      throws SQLException {
    StringBuilder sql = new StringBuilder("SELECT * FROM (VALUES ");
    if (rows.isEmpty()) {
      sql.append(row(columns, new Object[columns.size()]));
    } else {
      for (int i = 0; i < rows.size(); i++) {
        sql.append(i == 0 ? "" : ", ").append(row(columns, rows.get(i)));
      }
    }
    sql.append(") AS t(");
    for (int i = 0; i < columns.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append('"').append(columns.get(i).name()).append('"');
    }
    sql.append(')');
    if (rows.isEmpty()) {
      sql.append(" WHERE 1 = 0");
    }
    Statement statement = owner.createStatement();
    try {
      statement.closeOnCompletion();
      return statement.executeQuery(sql.toString());
    } catch (SQLException | RuntimeException e) {
      statement.close();
      throw e;
    }
  }

  private static String row(List<Column> columns, Object[] values) {
    if (values.length != columns.size()) {
      throw new IllegalArgumentException(
          values.length + " values for " + columns.size() + " columns");
    }
    StringBuilder out = new StringBuilder("(");
    for (int i = 0; i < values.length; i++) {
      out.append(i == 0 ? "" : ", ").append(literal(columns.get(i).type(), values[i]));
    }
    return out.append(')').toString();
  }

  private static String literal(int type, Object value) {
    String sqlType =
        switch (type) {
          case Types.INTEGER -> "INTEGER";
          case Types.SMALLINT -> "SMALLINT";
          case Types.BOOLEAN -> "BOOLEAN";
          case Types.BIGINT -> "BIGINT";
          default -> "VARCHAR";
        };
    String text;
    if (value == null) {
      text = "NULL";
    } else if (type == Types.VARCHAR) {
      text = text(value.toString());
    } else if (type == Types.BOOLEAN) {
      text = ((Boolean) value) ? "TRUE" : "FALSE";
    } else {
      text = Long.toString(((Number) value).longValue());
    }
    return "CAST(" + text + " AS " + sqlType + ")";
  }

  /** A SQL character literal: plain when printable ASCII, else with Unicode escapes. */
  private static String text(String s) {
    boolean plain = s.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    if (plain) {
      return "'" + s.replace("'", "''") + "'";
    }
    StringBuilder out = new StringBuilder("U&'");
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') {
        out.append("\\\\");
      } else if (c == '\'') {
        out.append("''");
      } else if (c >= 0x20 && c < 0x7f) {
        out.append(c);
      } else {
        out.append(String.format(Locale.ROOT, "\\%04X", (int) c));
      }
    }
    return out.append('\'').toString();
  }

  /**
   * Whether a name matches a JDBC search pattern ({@code %} any characters, {@code _} one, {@code
   * \} escapes), ignoring case as the SQL does; {@code null} matches every name.
   */
  static boolean matches(String pattern, String name) {
    if (pattern == null) {
      return true;
    }
    if (name == null) {
      return false;
    }
    StringBuilder regex = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '\\' && i + 1 < pattern.length()) {
        regex.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        regex.append(".*");
      } else if (c == '_') {
        regex.append('.');
      } else {
        regex.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(
            regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL)
        .matcher(name)
        .matches();
  }

  /** Whether a name equals a name given to a method that takes names, not patterns. */
  static boolean named(String given, String name) {
    return given == null || given.equalsIgnoreCase(name);
  }

  /** Whether a catalog argument admits rows without a catalog: {@code null} or {@code ""}. */
  static boolean noCatalog(String catalog) {
    return catalog == null || catalog.isEmpty();
  }
}
