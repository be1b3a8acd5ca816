package io.statestore.server;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The session statements a PostgreSQL server answers itself: {@code SET}, {@code SHOW}, {@code
 * RESET}, and transaction control, which is accepted and does nothing (every statement applies as
 * it runs, as with the JDBC driver in auto-commit).
 */
final class SessionCommands {
  private static final Pattern SET =
      Pattern.compile(
          "(?is)\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?([A-Za-z_][\\w.]*)\\s*(?:=|\\bTO\\b)\\s*(.*?)\\s*;?\\s*");
  private static final Pattern SET_TIME_ZONE =
      Pattern.compile("(?is)\\s*SET\\s+(?:SESSION\\s+|LOCAL\\s+)?TIME\\s+ZONE\\s+(.*?)\\s*;?\\s*");
  private static final Pattern SHOW =
      Pattern.compile("(?is)\\s*SHOW\\s+([\\w.]+(?:\\s+[\\w.]+)*)\\s*;?\\s*");
  private static final Pattern CURRENT_SETTING =
      Pattern.compile(
          "(?i)(?<![\\w.])(?:pg_catalog\\s*\\.\\s*)?current_setting\\s*\\(\\s*'((?:[^']|'')*)'"
              + "\\s*(?:,\\s*(true|false)\\s*)?\\)");
  private static final Pattern RESET = Pattern.compile("(?is)\\s*RESET\\s+([\\w.]+)\\s*;?\\s*");

  private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|min|h|d|)");

  private final Map<String, String> params = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  /** The statement_timeout text last parsed, and its value (read on every execution). */
  private String timeoutText;

  private long timeoutMillis;
  private final Map<String, String> defaults = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  SessionCommands(Map<String, String> initial) {
    defaults.putAll(initial);
    params.putAll(initial);
  }

  /** Whether the statement is one of these (by its first word). */
  static boolean handles(String keyword, String sql) {
    switch (keyword) {
      case "SET":
      case "SHOW":
      case "RESET":
      case "BEGIN":
      case "START":
      case "COMMIT":
      case "END":
      case "ROLLBACK":
      case "ABORT":
      case "SAVEPOINT":
      case "RELEASE":
      case "DISCARD":
      case "DEALLOCATE":
      case "LISTEN":
      case "UNLISTEN":
        return true;
      default:
        return false;
    }
  }

  /**
   * The session's {@code statement_timeout} in milliseconds (0: none), read as PostgreSQL reads it:
   * a number of milliseconds, or a number with a unit ({@code ms}, {@code s}, {@code min}, {@code
   * h}).
   */
  long statementTimeoutMillis() {
    String text = params.getOrDefault("statement_timeout", "0");
    if (!text.equals(timeoutText)) {
      timeoutMillis = parseTimeout(text);
      timeoutText = text;
    }
    return timeoutMillis;
  }

  private static long parseTimeout(String text) {
    String v = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      return 0;
    }
    double n = Double.parseDouble(m.group(1));
    String unit = m.group(2);
    double factor =
        unit.isEmpty() || unit.equals("ms")
            ? 1
            : unit.equals("s")
                ? 1000
                : unit.equals("min") ? 60_000 : unit.equals("h") ? 3_600_000 : 86_400_000;
    return (long) (n * factor);
  }

  String get(String name) {
    return params.get(name);
  }

  /**
   * The statement with each {@code current_setting('name')} replaced by the session's value, as a
   * string literal; an unknown name is 42704 unless its second argument ({@code missing_ok}) is
   * true, which gives NULL.
   */
  String currentSettings(String sql) throws PgException {
    Matcher m = CURRENT_SETTING.matcher(sql);
    StringBuilder b = new StringBuilder();
    while (m.find()) {
      String name = m.group(1).replace("''", "'");
      String value = params.get(name);
      if (value == null && !"true".equalsIgnoreCase(m.group(2))) {
        throw unknown(name);
      }
      m.appendReplacement(
          b,
          Matcher.quoteReplacement(
              value == null ? "CAST(NULL AS VARCHAR)" : "'" + value.replace("'", "''") + "'"));
    }
    return m.appendTail(b).toString();
  }

  private static PgException unknown(String name) {
    return new PgException("42704", "unrecognized configuration parameter \"" + name + "\"");
  }

  QueryResult run(String keyword, String sql, List<String> notices) throws PgException {
    switch (keyword) {
      case "SET":
        return set(sql);
      case "SHOW":
        return show(sql);
      case "RESET":
        Matcher r = RESET.matcher(sql);
        if (r.matches()) {
          String name = r.group(1);
          if (name.equalsIgnoreCase("all")) {
            params.clear();
            params.putAll(defaults);
          } else if (defaults.containsKey(name)) {
            params.put(name, defaults.get(name));
          } else {
            params.remove(name);
          }
        }
        return QueryResult.command("RESET");
      case "BEGIN":
      case "START":
        notices.add(
            "statestore has no transactions: each statement applies as it runs, "
                + "and ROLLBACK undoes nothing");
        return QueryResult.command("BEGIN");
      case "COMMIT":
      case "END":
        return QueryResult.command("COMMIT");
      case "ROLLBACK":
      case "ABORT":
        return QueryResult.command("ROLLBACK");
      case "SAVEPOINT":
        return QueryResult.command("SAVEPOINT");
      case "RELEASE":
        return QueryResult.command("RELEASE");
      case "DISCARD":
        return QueryResult.command(sql.strip().toUpperCase(Locale.ROOT).replaceAll("\\s+;?$", ""));
      case "DEALLOCATE":
        return QueryResult.command("DEALLOCATE");
      case "LISTEN":
        return QueryResult.command("LISTEN");
      default:
        return QueryResult.command("UNLISTEN");
    }
  }

  private QueryResult set(String sql) throws PgException {
    Matcher tz = SET_TIME_ZONE.matcher(sql);
    if (tz.matches()) {
      params.put("TimeZone", unquote(tz.group(1)));
      return QueryResult.command("SET");
    }
    Matcher m = SET.matcher(sql);
    if (m.matches()) {
      String name = m.group(1);
      String value = unquote(m.group(2));
      if (name.equalsIgnoreCase("statement_timeout")
          && !value.equalsIgnoreCase("default")
          && !DURATION.matcher(value.strip().toLowerCase(Locale.ROOT)).matches()) {
        throw new PgException(
            "22023", "invalid value for parameter \"statement_timeout\": \"" + value + "\"");
      }
      if (value.equalsIgnoreCase("default")) {
        params.put(name, defaults.getOrDefault(name, ""));
      } else if (!name.equalsIgnoreCase("transaction") && !name.equalsIgnoreCase("session")) {
        params.put(name, value);
      }
    }
    // SET TRANSACTION ..., SET SESSION CHARACTERISTICS ...: accepted, nothing to change
    return QueryResult.command("SET");
  }

  private static String unquote(String v) {
    String s = v.strip();
    if (s.length() >= 2 && s.startsWith("'") && s.endsWith("'")) {
      return s.substring(1, s.length() - 1).replace("''", "'");
    }
    if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
      return s.substring(1, s.length() - 1);
    }
    return s;
  }

  private QueryResult show(String sql) throws PgException {
    Matcher m = SHOW.matcher(sql);
    String name = m.matches() ? m.group(1).replaceAll("\\s+", " ") : "";
    List<Object[]> rows = new ArrayList<>();
    if (name.equalsIgnoreCase("all")) {
      params.forEach((k, v) -> rows.add(new Object[] {k, v, ""}));
      return QueryResult.rows(
          List.of(PgColumn.text("name"), PgColumn.text("setting"), PgColumn.text("description")),
          rows);
    }
    String key = name.toLowerCase(Locale.ROOT);
    switch (key) {
      case "transaction isolation level":
        key = "transaction_isolation";
        break;
      case "time zone":
        key = "TimeZone";
        break;
      case "session authorization":
        key = "session_authorization";
        break;
      default:
        if (key.contains(" ")) {
          throw new PgException("42601", "syntax error at or near \"" + name + "\"");
        }
    }
    String value = params.get(key);
    if (value == null) {
      throw unknown(name);
    }
    rows.add(new Object[] {value});
    return QueryResult.rows(List.of(PgColumn.text(key)), rows);
  }
}
