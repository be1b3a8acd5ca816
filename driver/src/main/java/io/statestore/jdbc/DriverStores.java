package io.statestore.jdbc;

import io.statestore.core.BackendRegistry;
import io.statestore.core.ParserMessages;
import io.statestore.core.ReadWarnings;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.core.WarningScope;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The store a {@code jdbc:statestore:} URL names, opened exactly as {@link
 * StatestoreDriver#connect} opens it (the same URL parsing, settings, environment fallbacks and
 * refusals) but without the SQL engine, for programs that read and write states one by one through
 * {@link StateStore}; and the {@link SQLException}s and {@link SQLWarning}s the driver reports for
 * what such a store throws and warns about, so that both paths tell a user the same thing.
 *
 * <p>Nothing here loads the SQL engine.
 */
public final class DriverStores {
  private DriverStores() {}

  /**
   * Opens the main store of a URL as {@code connect} does; stores named by {@code attach.<name>}
   * are not opened (only a SQL statement can use them).
   *
   * @param url a {@code jdbc:statestore:} URL
   * @param info settings, as a connection's properties
   * @param warnings receives the warnings given while the store was opened
   * @return the open store; the caller closes it
   * @throws SQLException with the SQLState {@code connect} reports (08001 for a wrong URI or
   *     setting, ...)
   */
  public static StateStore open(String url, Properties info, List<String> warnings)
      throws SQLException {
    if (url == null || !url.startsWith(StatestoreDriver.PREFIX)) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.INVALID_CONNECTION_SETTING,
          "Not a statestore URL; it starts with " + StatestoreDriver.PREFIX,
          null);
    }
    try {
      ConnectionConfig config = ConnectionConfig.parse(url, StatestoreDriver.PREFIX, info);
      return openMain(config, warnings);
    } catch (RuntimeException e) {
      throw connectError(e);
    }
  }

  /** Opens the main store of a parsed request, collecting the warnings given meanwhile. */
  static StateStore openMain(ConnectionConfig config, List<String> warnings) {
    ReadWarnings opening = new ReadWarnings();
    try (WarningScope scope = opening.enter()) {
      return open(config.uri(), config.settings());
    } finally {
      warnings.addAll(opening.messages());
    }
  }

  /** Opens one store with settings, the client's own properties accepted and ignored. */
  static StateStore open(String uri, Map<String, String> settings) {
    return StateStores.open(
        uri,
        settings,
        Environment.system(),
        ConnectionConfig::isClientProperty,
        BackendRegistry.load());
  }

  /** The error {@code connect} reports when opening failed. */
  static SQLException connectError(Throwable e) {
    if (e instanceof StateStoreException s
        && (s.kind() == ErrorKind.UNAVAILABLE || s.kind() == ErrorKind.NOT_FOUND)) {
      return new StatestoreSQLException(
          StatestoreErrorCode.INVALID_CONNECTION_SETTING, safe(s.getMessage()), s);
    }
    return error(e);
  }

  /**
   * The {@link SQLException} a statement reports for a failure of a store operation: a {@link
   * StateStoreException} by its {@link ErrorKind}, with the same SQLState and message.
   */
  public static SQLException error(Throwable thrown) {
    if (!(thrown instanceof SQLException)) {
      for (Throwable t = thrown; t != null; t = t.getCause()) {
        if (t instanceof StateStoreException store) {
          return storeError(store, thrown);
        }
        if (t.getCause() == t) {
          break;
        }
      }
    }
    return SqlErrors.translate(thrown); // not a store's error: the general translation
  }

  /** The exception for a statestore error found in {@code thrown}. */
  static SQLException storeError(StateStoreException store, Throwable thrown) {
    return new StatestoreSQLException(
        StatestoreErrorCode.of(store.kind()), safe(store.getMessage()), thrown);
  }

  /**
   * The warnings a statement reports for messages collected while it read (a damaged state returned
   * as stored), each with SQLState 01000; {@code null} for none.
   */
  public static SQLWarning warnings(List<String> messages) {
    SQLWarning first = null;
    for (String message : messages) {
      SQLWarning w = new SQLWarning(safe(message), "01000");
      if (first == null) {
        first = w;
      } else {
        first.setNextWarning(w);
      }
    }
    return first;
  }

  /** Removes anything that looks like credentials from a message. */
  static String safe(String message) {
    return message == null ? null : StoreLocation.redact(ParserMessages.clean(message));
  }
}
