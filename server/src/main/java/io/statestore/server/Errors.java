package io.statestore.server;

import java.sql.SQLException;

/** Turns a JDBC failure into what the client sees: the engine's SQLState and message. */
final class Errors {
  private Errors() {}

  static PgException of(SQLException e, boolean catalog) {
    String state = e.getSQLState();
    String message = e.getMessage() == null ? e.toString() : e.getMessage();
    if (catalog) {
      // the catalog database's codes, as PostgreSQL names the same conditions
      state = catalogState(state);
      int bracket = message.lastIndexOf(" [");
      if (bracket > 0 && message.endsWith("]")) {
        message = message.substring(0, bracket);
      }
    }
    if (state == null || state.length() != 5) {
      state = "XX000";
    }
    return new PgException(state, message);
  }

  private static String catalogState(String state) {
    if (state == null) {
      return "XX000";
    }
    switch (state) {
      case "42S02":
      case "42S03":
        return "42P01";
      case "42S22":
        return "42703";
      case "42001":
      case "42000":
        return "42601";
      case "90022":
        return "42883";
      case "57014":
        return "57014";
      default:
        return state.startsWith("90") ? "XX000" : state;
    }
  }
}
