package io.statestore.jdbc;

import io.statestore.spi.StateStoreException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.runtime.CalciteException;
import org.apache.calcite.runtime.Like;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.validate.SqlValidatorException;

/**
 * The one place that turns whatever a call failed with into a {@link SQLException} with a SQLState
 * and a message: statestore's own errors by their {@link io.statestore.spi.ErrorKind}, the engine's
 * by their type (parse, validation, evaluation), found by walking the causes.
 */
final class SqlErrors {
  private static final String AVATICA = "org.apache.calcite.avatica.";
  private static final String RUNTIME = "org.apache.calcite.runtime.";

  private SqlErrors() {}

  /** Translates a failure of which nothing more is known. */
  static SQLException translate(Throwable thrown) {
    return translate(thrown, StatestoreErrorCode.INTERNAL_ERROR);
  }

  /**
   * Translates a failure; {@code fallback} is the code when neither statestore nor the engine
   * classifies it (e.g. {@link StatestoreErrorCode#INVALID_CAST} for a getter).
   */
  static SQLException translate(Throwable thrown, StatestoreErrorCode fallback) {
    if (thrown instanceof SQLException sql
        && sql.getSQLState() != null
        && sql.getMessage() != null
        && !isEngineWrapper(sql)) {
      return sql; // ours, or already classified
    }
    StateStoreException store = find(thrown, StateStoreException.class);
    if (store != null) {
      return DriverStores.storeError(store, thrown);
    }
    if (find(thrown, SqlParseException.class) != null) {
      return new StatestoreSQLException(
          StatestoreErrorCode.SYNTAX_ERROR, rootMessage(thrown), thrown);
    }
    Throwable validation = find(thrown, CalciteContextException.class);
    if (validation == null) {
      validation = find(thrown, SqlValidatorException.class);
    }
    if (validation != null) {
      return new StatestoreSQLException(
          StatestoreErrorCode.UNDEFINED_OBJECT, rootMessage(thrown), thrown);
    }
    SQLFeatureNotSupportedException unsupported =
        find(thrown, SQLFeatureNotSupportedException.class);
    if (unsupported != null) {
      return unsupported(unsupported);
    }
    Throwable evaluation = evaluation(thrown);
    if (evaluation != null) {
      if (origin(evaluation).equals(Like.class.getName())) {
        return new StatestoreSQLException(
            StatestoreErrorCode.INVALID_ESCAPE,
            rootMessage(thrown)
                + ": in LIKE ... ESCAPE 'c', c must be one character and may only precede"
                + " '%', '_' or itself",
            thrown);
      }
      return new StatestoreSQLException(
          StatestoreErrorCode.DATA_EXCEPTION, rootMessage(thrown), thrown);
    }
    if (find(thrown, NumberFormatException.class) != null) {
      return new StatestoreSQLException(
          StatestoreErrorCode.INVALID_CAST, "Not a number: " + rootMessage(thrown), thrown);
    }
    if (find(thrown, ArithmeticException.class) != null) {
      return new StatestoreSQLException(
          StatestoreErrorCode.NUMERIC_OUT_OF_RANGE, rootMessage(thrown), thrown);
    }
    if (thrown instanceof SQLException sql && sql.getSQLState() != null) {
      return new StatestoreSQLException(
          code(sql.getSQLState(), fallback), rootMessage(thrown), thrown);
    }
    return new StatestoreSQLException(fallback, rootMessage(thrown), thrown);
  }

  /** Runs a call into the engine, translating any failure. */
  static <T> T call(SqlCall<T> call, StatestoreErrorCode fallback) throws SQLException {
    try {
      return call.call();
    } catch (SQLException | RuntimeException e) {
      throw translate(e, fallback);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      // The engine's assertions and linkage errors: never let one escape a JDBC method.
      throw translate(e, fallback);
    }
  }

  /** 0A000 for a feature the driver does not have, naming the method. */
  static SQLException unsupported(String what, String instead) {
    return new StatestoreSQLException(
        StatestoreErrorCode.FEATURE_NOT_SUPPORTED,
        what + " is not supported by statestore" + (instead == null ? "" : ": " + instead),
        null);
  }

  private static SQLException unsupported(SQLFeatureNotSupportedException e) {
    if (e.getSQLState() != null && e.getMessage() != null) {
      return e;
    }
    String what = e.getMessage() != null ? e.getMessage() : method(e);
    return new StatestoreSQLException(
        StatestoreErrorCode.FEATURE_NOT_SUPPORTED, what + " is not supported by statestore", e);
  }

  /** The engine method that refused: the first frame outside the engine's refusal helper. */
  private static String method(Throwable e) {
    for (StackTraceElement f : e.getStackTrace()) {
      String name = f.getClassName();
      if (!name.endsWith(".Helper") && !name.equals(SqlErrors.class.getName())) {
        String cls = name.substring(name.lastIndexOf('.') + 1);
        return cls.replace("Avatica", "") + "." + f.getMethodName();
      }
    }
    return "This operation";
  }

  /**
   * The failure of evaluating SQL on the caller's values: a {@link CalciteException}, or an
   * exception raised by the engine's runtime functions ({@code LIKE}, casts, JSON functions).
   */
  private static Throwable evaluation(Throwable thrown) {
    for (Throwable t = thrown; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof CalciteException || origin(t).startsWith(RUNTIME)) {
        return t;
      }
    }
    return null;
  }

  /** The class that raised {@code t}. */
  private static String origin(Throwable t) {
    StackTraceElement[] frames = t.getStackTrace();
    return frames.length == 0 ? "" : frames[0].getClassName();
  }

  /** An exception the engine made to carry another (its state and message say nothing). */
  private static boolean isEngineWrapper(SQLException e) {
    return e.getClass().getName().startsWith(AVATICA) && e.getCause() != null;
  }

  private static StatestoreErrorCode code(String sqlState, StatestoreErrorCode fallback) {
    for (StatestoreErrorCode c : StatestoreErrorCode.values()) {
      if (c.sqlState().equals(sqlState)) {
        return c;
      }
    }
    return fallback;
  }

  private static <T extends Throwable> T find(Throwable thrown, Class<T> type) {
    for (Throwable t = thrown; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static String rootMessage(Throwable thrown) {
    String best = thrown.getMessage();
    for (Throwable t = thrown.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
      if (t.getMessage() != null) {
        best = t.getMessage();
      }
    }
    return safe(best == null ? thrown.getClass().getSimpleName() : best);
  }

  /** Removes anything that looks like credentials from a message. */
  static String safe(String message) {
    return DriverStores.safe(message);
  }
}
