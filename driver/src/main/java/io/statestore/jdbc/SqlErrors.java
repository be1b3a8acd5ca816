package io.statestore.jdbc;

import io.statestore.core.ParserMessages;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.Locale;

/**
 * Turns whatever the engine threw into a {@link SQLException} with a SQLState: statestore's own
 * errors by their kind, Calcite's parse and validation errors as 42xxx.
 */
final class SqlErrors {
  private SqlErrors() {}

  static SQLException translate(Throwable thrown) {
    if (thrown instanceof StatestoreSQLException
        || thrown instanceof SQLFeatureNotSupportedException
        || thrown instanceof BatchUpdateException) {
      return (SQLException) thrown;
    }
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (t instanceof StateStoreException e) {
        return new StatestoreSQLException(
            StatestoreErrorCode.of(e.kind()), safe(e.getMessage()), thrown);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    String message = safe(rootMessage(thrown));
    StatestoreErrorCode code = StatestoreErrorCode.INTERNAL_ERROR;
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      String name = t.getClass().getName();
      if (name.endsWith("SqlParseException")) {
        code = StatestoreErrorCode.SYNTAX_ERROR;
        break;
      }
      if (t.getMessage() != null
          && (t.getMessage().startsWith("Invalid escape sequence")
              || t.getMessage().startsWith("Invalid escape character"))) {
        code = StatestoreErrorCode.INVALID_ESCAPE;
        message =
            message
                + ": in LIKE ... ESCAPE 'c', c must be one character and may only precede"
                + " '%', '_' or itself";
        break;
      }
      if (name.endsWith("CalciteContextException") || name.endsWith("SqlValidatorException")) {
        code = StatestoreErrorCode.UNDEFINED_OBJECT;
        break;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    if (code == StatestoreErrorCode.INTERNAL_ERROR
        && thrown instanceof SQLException sql
        && sql.getSQLState() != null) {
      return sql;
    }
    if (code == StatestoreErrorCode.INTERNAL_ERROR
        && message.toLowerCase(Locale.ROOT).contains("cancel")) {
      code = StatestoreErrorCode.CANCELLED;
    }
    return new StatestoreSQLException(code, message, thrown);
  }

  private static String rootMessage(Throwable thrown) {
    String best = thrown.getMessage();
    for (Throwable t = thrown.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null) {
        best = t.getMessage();
      }
    }
    return best == null ? thrown.getClass().getSimpleName() : best;
  }

  /** Removes anything that looks like credentials from a message. */
  static String safe(String message) {
    return message == null ? null : StoreLocation.redact(ParserMessages.clean(message));
  }
}
