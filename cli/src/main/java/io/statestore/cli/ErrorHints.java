package io.statestore.cli;

import java.sql.SQLException;

/** A short hint after an error's message, chosen by its SQLState, telling the user what to do. */
final class ErrorHints {
  private ErrorHints() {}

  /** The SQLState of an error, or {@code null} when it has none. */
  static String sqlState(Throwable e) {
    if (e instanceof SQLException s) {
      return s.getSQLState();
    }
    if (e instanceof UserException u) {
      return u.sqlState();
    }
    return null;
  }

  /** {@code " (hint: ...)"} for the error's SQLState, or an empty string. */
  static String hint(Throwable e) {
    String text = forState(sqlState(e));
    return text == null ? "" : " (hint: " + text + ")";
  }

  private static String forState(String state) {
    if (state == null || state.length() < 2) {
      return null;
    }
    return switch (state) {
      case "08001" ->
          "check the store URI and its settings; 'statestore help list' shows the forms";
      case "22032" -> "a state is a JSON object {\"completed\": {...}, \"partial\": {...}}";
      case "22023" -> "check the value given; 'statestore help <verb>' lists what is accepted";
      case "23505" -> "it exists already; use --overwrite or --force where the verb offers it";
      case "25006" -> "the store or connection is read-only";
      case "40001" -> "another writer changed it meanwhile; run the command again";
      case "42704" -> "'statestore list' shows the state ids";
      case "0A000" -> "this store or verb does not support it";
      case "HYT00" ->
          "another writer holds the lock; 'statestore locks' shows it, and a stale one is taken"
              + " over after lock_timeout_seconds";
      case "28000" -> "permission denied; check the credentials or file permissions";
      default ->
          switch (state.substring(0, 2)) {
            case "08" -> "the store is unreachable; check the path, network and credentials";
            case "42" -> "'statestore list' shows the state ids; 'statestore sql' the tables";
            default -> null;
          };
    };
  }
}
