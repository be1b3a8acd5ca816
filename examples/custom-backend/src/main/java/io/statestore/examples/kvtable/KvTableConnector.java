package io.statestore.examples.kvtable;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/** Opens connections to the database and turns its errors into statestore's error kinds. */
final class KvTableConnector {
  private final String url;
  private final String user;
  private final String password;

  KvTableConnector(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** A new connection in auto-commit mode. */
  Connection connect() {
    Properties props = new Properties();
    if (user != null) {
      props.setProperty("user", user);
    }
    if (password != null) {
      props.setProperty("password", password);
    }
    try {
      return DriverManager.getConnection(url, props);
    } catch (SQLException e) {
      throw failure("connecting to " + describe(), e);
    }
  }

  /** The error kind of a database failure: refused logins are DENIED, the rest UNAVAILABLE. */
  StateStoreException failure(String action, SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    ErrorKind kind = state.startsWith("28") ? ErrorKind.DENIED : ErrorKind.UNAVAILABLE;
    // The driver's own message may echo the URL; it holds no password (that is a property).
    return new StateStoreException(kind, "Failed " + action + ": " + e.getMessage(), e);
  }

  /** The store without credentials. */
  String describe() {
    return "kvtable:" + url;
  }
}
