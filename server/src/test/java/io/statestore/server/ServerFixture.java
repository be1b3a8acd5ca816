package io.statestore.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/** A server on a free loopback port over a fresh in-memory store, with one user. */
final class ServerFixture implements AutoCloseable {
  static final String USER = "analyst";
  static final String PASSWORD = "correct horse battery staple";

  final String store;
  final PgServer server;

  ServerFixture(boolean readOnly) throws Exception {
    this(new ServerConfig().setReadOnly(readOnly));
  }

  ServerFixture(ServerConfig config) throws Exception {
    this(config, "memory:serve-" + UUID.randomUUID());
  }

  /** A server over the given store. */
  ServerFixture(ServerConfig config, String store) throws Exception {
    this.store = store;
    config
        .setPort(0)
        .setStoreUri(store)
        .setUsers(ServerUsers.of(Map.of(USER, ServerUsers.verifierFor(PASSWORD.toCharArray()))));
    server = PgServer.start(config);
  }

  String url() {
    return "jdbc:postgresql://127.0.0.1:" + server.port() + "/statestore";
  }

  Connection connect() throws SQLException {
    return connect(USER, PASSWORD);
  }

  Connection connect(String user, String password) throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", user);
    p.setProperty("password", password);
    p.setProperty("sslmode", "disable");
    return DriverManager.getConnection(url(), p);
  }

  /** The store directly through the statestore driver, bypassing the server. */
  Connection engine() throws SQLException {
    return DriverManager.getConnection("jdbc:statestore:" + store);
  }

  @Override
  public void close() {
    server.close();
  }
}
