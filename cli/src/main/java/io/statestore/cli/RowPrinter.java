package io.statestore.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints rows of named columns in an {@link OutputFormat}. Text and CSV rows are printed as they
 * come; JSON rows are collected and printed as one array by {@link #finish()}.
 */
final class RowPrinter {
  private final PrintWriter out;
  private final OutputFormat format;
  private final List<String> columns;
  private final List<Object> rows = new ArrayList<>();
  private boolean headerShown;

  RowPrinter(PrintWriter out, OutputFormat format, String... columns) {
    this.out = out;
    this.format = format;
    this.columns = List.of(columns);
  }

  /** The CSV header, once, before the first row (never before an error the store gives). */
  private void header() {
    if (format == OutputFormat.csv && !headerShown) {
      out.println(String.join(",", columns));
    }
    headerShown = true;
  }

  /**
   * Prints one row: values are strings, {@link Long}s, {@link Boolean}s or {@code null}.
   *
   * @param text the row as the text format shows it (columns may differ from the others)
   * @param values one value per column
   */
  void row(String text, Object... values) {
    header();
    switch (format) {
      case text -> out.println(text);
      case csv -> {
        List<String> cells = new ArrayList<>();
        for (Object v : values) {
          cells.add(csvCell(v == null ? "" : v.toString()));
        }
        out.println(String.join(",", cells));
      }
      case json -> {
        Map<String, Object> row = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          Object v = values[i];
          row.put(columns.get(i), v instanceof Long n ? new StateJson.Num(n.toString()) : v);
        }
        rows.add(row);
      }
      default -> throw new IllegalStateException(format.name());
    }
  }

  /** Ends the output (prints the JSON array). */
  void finish() {
    header();
    if (format == OutputFormat.json) {
      out.println(StateJson.plain(rows));
    }
    out.flush();
  }

  /** A CSV cell, quoted when it holds a comma, a quote or a line break. */
  static String csvCell(String s) {
    if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
      return s;
    }
    return "\"" + s.replace("\"", "\"\"") + "\"";
  }
}
