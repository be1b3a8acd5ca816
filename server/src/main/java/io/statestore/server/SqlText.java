package io.statestore.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** Reading PostgreSQL statement text: splitting, placeholders, the leading keyword. */
final class SqlText {
  private static final Pattern CATALOG =
      Pattern.compile(
          "(?i)(\\b(pg_catalog|information_schema|pg_[a-z_]+|current_schemas?|current_database"
              + "|current_user|session_user|current_role|current_setting|version|has_[a-z_]+"
              + "_privilege|format_type|obj_description|col_description|shobj_description)\\b)"
              + "|::\\s*reg[a-z]+");

  private SqlText() {}

  /** The statements of a simple query, split at {@code ;} outside quotes and comments. */
  static List<String> split(String sql) {
    List<String> out = new ArrayList<>();
    int start = 0;
    int i = 0;
    while (i < sql.length()) {
      char c = sql.charAt(i);
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        i = skip;
        continue;
      }
      if (c == ';') {
        out.add(sql.substring(start, i));
        start = i + 1;
      }
      i++;
    }
    out.add(sql.substring(start));
    List<String> nonBlank = new ArrayList<>();
    for (String s : out) {
      if (!stripComments(s).isBlank()) {
        nonBlank.add(s.strip());
      }
    }
    return nonBlank;
  }

  /** Where a quoted string, quoted name or comment starting at {@code i} ends, else {@code i}. */
  private static int skipQuotedOrComment(String sql, int i) {
    char c = sql.charAt(i);
    if (c == '\'' || c == '"') {
      int j = i + 1;
      while (j < sql.length()) {
        if (sql.charAt(j) == c) {
          if (j + 1 < sql.length() && sql.charAt(j + 1) == c) {
            j += 2;
            continue;
          }
          return j + 1;
        }
        if (c == '\'' && sql.charAt(j) == '\\' && isEscapeString(sql, i)) {
          j++;
        }
        j++;
      }
      return sql.length();
    }
    if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
      int nl = sql.indexOf('\n', i);
      return nl < 0 ? sql.length() : nl + 1;
    }
    if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*') {
      int end = sql.indexOf("*/", i + 2);
      return end < 0 ? sql.length() : end + 2;
    }
    return i;
  }

  private static boolean isEscapeString(String sql, int quoteAt) {
    return quoteAt > 0 && (sql.charAt(quoteAt - 1) == 'E' || sql.charAt(quoteAt - 1) == 'e');
  }

  /** The text without comments (string literals kept). */
  static String stripComments(String sql) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        char c = sql.charAt(i);
        if (c == '\'' || c == '"') {
          b.append(sql, i, skip);
        } else {
          b.append(' ');
        }
        i = skip;
      } else {
        b.append(sql.charAt(i++));
      }
    }
    return b.toString();
  }

  /**
   * The text with {@code f} applied to each stretch outside string literals, quoted names and
   * comments (those are kept as they are).
   */
  static String mapCode(String sql, java.util.function.UnaryOperator<String> f) {
    StringBuilder b = new StringBuilder();
    int start = 0;
    int i = 0;
    while (i < sql.length()) {
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        b.append(f.apply(sql.substring(start, i))).append(sql, i, skip);
        i = skip;
        start = i;
      } else {
        i++;
      }
    }
    return b.append(f.apply(sql.substring(start))).toString();
  }

  /** The text with string literals emptied and comments removed, for classification. */
  static String skeleton(String sql) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        char c = sql.charAt(i);
        b.append(c == '\'' ? "''" : c == '"' ? sql.substring(i, skip) : " ");
        i = skip;
      } else {
        b.append(sql.charAt(i++));
      }
    }
    return b.toString();
  }

  /** The first word, upper case, after leading comments, spaces and parentheses. */
  static String firstKeyword(String sql) {
    String s = skeleton(sql).strip();
    int i = 0;
    while (i < s.length() && (s.charAt(i) == '(' || Character.isWhitespace(s.charAt(i)))) {
      i++;
    }
    int j = i;
    while (j < s.length() && Character.isLetter(s.charAt(j))) {
      j++;
    }
    return s.substring(i, j).toUpperCase(Locale.ROOT);
  }

  /** Whether the statement reads PostgreSQL's catalog or session functions. */
  static boolean isCatalog(String sql) {
    return CATALOG.matcher(skeleton(sql)).find();
  }

  /**
   * Rewrites {@code $n} placeholders to JDBC's {@code ?}; {@code order} receives, for each {@code
   * ?} in turn, the 0-based index of the parameter it stands for.
   */
  static String toJdbc(String sql, List<Integer> order) {
    StringBuilder b = new StringBuilder();
    int i = 0;
    while (i < sql.length()) {
      int skip = skipQuotedOrComment(sql, i);
      if (skip > i) {
        b.append(sql, i, skip);
        i = skip;
        continue;
      }
      char c = sql.charAt(i);
      if (c == '$'
          && i + 1 < sql.length()
          && Character.isDigit(sql.charAt(i + 1))
          && (i == 0 || !Character.isLetterOrDigit(sql.charAt(i - 1)))) {
        int j = i + 1;
        while (j < sql.length() && Character.isDigit(sql.charAt(j))) {
          j++;
        }
        order.add(Integer.parseInt(sql.substring(i + 1, j)) - 1);
        b.append('?');
        i = j;
        continue;
      }
      b.append(c);
      i++;
    }
    return b.toString();
  }

  /** The number of distinct parameters ({@code $n} with the highest n). */
  static int parameterCount(List<Integer> order) {
    int max = 0;
    for (int p : order) {
      max = Math.max(max, p + 1);
    }
    return max;
  }
}
