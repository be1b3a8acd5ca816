package io.statestore.cli;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a SQL script without a shell: statements separated by {@code ;} (outside quotes and
 * comments) run one after the other; each query's rows are printed in an {@link OutputFormat}, with
 * nothing echoed and no terminal control codes. The first failing statement stops the script.
 */
final class SqlScript {
  /** One statement and the line it starts on. */
  record Part(String sql, int line) {}

  private final Connection connection;
  private final CliIo io;
  private final OutputFormat format;

  SqlScript(Connection connection, CliIo io, OutputFormat format) {
    this.connection = connection;
    this.io = io;
    this.format = format;
  }

  /**
   * Runs every statement of a script; stops at the first error.
   *
   * @return the exit status
   * @throws SQLException the first statement's failure, its line added to the message
   */
  int run(String script, String source) throws SQLException {
    for (Part part : split(script)) {
      if (part.sql().matches("!(q|quit|exit)\\s*")) {
        break; // the end of the script, as in the shell
      }
      if (part.sql().startsWith("!")) {
        throw new UserException(
            source
                + " line "
                + part.line()
                + ": '"
                + part.sql().split("\\s", 2)[0]
                + "' is a command of the interactive shell; a script holds SQL statements only",
            "0A000",
            null);
      }
      try (Statement s = connection.createStatement()) {
        if (s.execute(part.sql())) {
          try (ResultSet rs = s.getResultSet()) {
            print(rs);
          }
        } else {
          long n = s.getLargeUpdateCount();
          io.err().println(n + (n == 1 ? " row" : " rows") + " affected");
        }
      } catch (SQLException e) {
        throw new SQLException(
            source + " line " + part.line() + ": " + e.getMessage(),
            e.getSQLState(),
            e.getErrorCode(),
            e);
      }
    }
    io.out().flush();
    return ExitCodes.OK;
  }

  private void print(ResultSet rs) throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    int n = md.getColumnCount();
    String[] names = new String[n];
    for (int i = 0; i < n; i++) {
      names[i] = md.getColumnLabel(i + 1);
    }
    if (format == OutputFormat.text) {
      io.out().println(String.join("\t", names));
    }
    RowPrinter rows = new RowPrinter(io.out(), format, names);
    while (rs.next()) {
      Object[] values = new Object[n];
      List<String> text = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        String v = rs.getString(i + 1);
        text.add(v == null ? "NULL" : v.replace("\t", "\\t").replace("\n", "\\n"));
        values[i] = v == null ? null : typed(md.getColumnType(i + 1), v);
      }
      rows.row(String.join("\t", text), values);
    }
    rows.finish();
  }

  /** Whole numbers and booleans as JSON numbers and booleans; everything else as text. */
  private static Object typed(int type, String v) {
    return switch (type) {
      case Types.BIGINT, Types.INTEGER, Types.SMALLINT, Types.TINYINT -> Long.valueOf(v);
      case Types.BOOLEAN, Types.BIT -> Boolean.valueOf(v);
      default -> v;
    };
  }

  /** The statements of a script, without their {@code ;}, skipping empty ones and comments. */
  static List<Part> split(String script) {
    List<Part> parts = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int line = 1;
    int startLine = -1;
    int i = 0;
    int n = script.length();
    while (i < n) {
      char c = script.charAt(i);
      if (c == '-' && i + 1 < n && script.charAt(i + 1) == '-') {
        while (i < n && script.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '/' && i + 1 < n && script.charAt(i + 1) == '*') {
        int end = script.indexOf("*/", i + 2);
        end = end < 0 ? n : end + 2;
        line += count(script, i, end);
        cur.append(' ');
        i = end;
        continue;
      }
      if (c == ';') {
        add(parts, cur, startLine);
        startLine = -1;
        i++;
        continue;
      }
      if (!Character.isWhitespace(c) && startLine < 0) {
        startLine = line;
      }
      if (c == '\'' || c == '"') {
        int end = i + 1;
        while (end < n) {
          if (script.charAt(end) == c) {
            if (end + 1 < n && script.charAt(end + 1) == c) {
              end += 2;
              continue;
            }
            break;
          }
          end++;
        }
        end = Math.min(n, end + 1);
        cur.append(script, i, end);
        line += count(script, i, end);
        i = end;
        continue;
      }
      if (c == '\n') {
        line++;
        if (startLine > 0 && cur.toString().strip().startsWith("!")) {
          add(parts, cur, startLine); // a shell command ends at the end of its line
          startLine = -1;
        }
      }
      cur.append(c);
      i++;
    }
    add(parts, cur, startLine);
    return parts;
  }

  private static void add(List<Part> parts, StringBuilder cur, int line) {
    String sql = cur.toString().strip();
    if (!sql.isEmpty()) {
      parts.add(new Part(sql, line));
    }
    cur.setLength(0);
  }

  private static int count(String s, int from, int to) {
    int lines = 0;
    for (int i = from; i < to; i++) {
      if (s.charAt(i) == '\n') {
        lines++;
      }
    }
    return lines;
  }
}
