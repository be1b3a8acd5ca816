package io.statestore.server;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a {@link PgServer} serves and how: the store ({@code jdbc:statestore:} URI and its settings,
 * {@code attach.*} included), where it listens, who may connect, and its limits. Set it up with the
 * setters, then hand it to {@link PgServer#start(ServerConfig)}, which checks it.
 */
public final class ServerConfig {
  private String host = "127.0.0.1";
  private int port = 5433;
  private String storeUri = "";
  private Properties storeProperties = new Properties();
  private ServerUsers users;
  private boolean readOnly;
  private boolean bodyAsJson;
  private boolean trustLoopback;
  private int maxConnections = 32;
  private int idleTimeoutSeconds;
  private int statementTimeoutSeconds;
  private Path tlsKeyStore;
  private char[] tlsKeyStorePassword;
  private boolean requireTls;
  private boolean passwordOverTls;

  /** The address to listen on; default {@code 127.0.0.1}. */
  public ServerConfig setHost(String host) {
    this.host = host;
    return this;
  }

  /** The port to listen on; default 5433, 0 for any free port (see {@link PgServer#port()}). */
  public ServerConfig setPort(int port) {
    this.port = port;
    return this;
  }

  /** The store, as after {@code jdbc:statestore:}; empty for the default store. */
  public ServerConfig setStoreUri(String storeUri) {
    this.storeUri = storeUri == null ? "" : storeUri;
    return this;
  }

  /** The store's settings, {@code attach.<schema>=<uri>} included; copied. */
  public ServerConfig setStoreProperties(Properties properties) {
    this.storeProperties = new Properties();
    this.storeProperties.putAll(properties);
    return this;
  }

  /** The users allowed to connect, with their SCRAM-SHA-256 verifiers. */
  public ServerConfig setUsers(ServerUsers users) {
    this.users = users;
    return this;
  }

  /** Refuse every write with SQLState 25006: the recommended mode for BI users. */
  public ServerConfig setReadOnly(boolean readOnly) {
    this.readOnly = readOnly;
    return this;
  }

  /**
   * Report the {@code body} column of {@code state} tables as PostgreSQL's {@code json} (OID 114)
   * instead of {@code varchar}, in results and in the catalog: clients that know json (psycopg2,
   * SQLAlchemy) then hand out parsed documents. Off by default.
   */
  public ServerConfig setBodyAsJson(boolean bodyAsJson) {
    this.bodyAsJson = bodyAsJson;
    return this;
  }

  /** Accept any user without a password; allowed only when listening on a loopback address. */
  public ServerConfig setTrustLoopback(boolean trustLoopback) {
    this.trustLoopback = trustLoopback;
    return this;
  }

  /** The most clients served at once (each holds one engine connection); default 32. */
  public ServerConfig setMaxConnections(int maxConnections) {
    this.maxConnections = maxConnections;
    return this;
  }

  /** Close a client idle this long between statements (SQLState 57P05); 0, the default, never. */
  public ServerConfig setIdleTimeoutSeconds(int seconds) {
    this.idleTimeoutSeconds = seconds;
    return this;
  }

  /** Cancel a statement running longer than this (SQLState 57014); 0, the default, never. */
  public ServerConfig setStatementTimeoutSeconds(int seconds) {
    this.statementTimeoutSeconds = seconds;
    return this;
  }

  /**
   * Answer clients' TLS requests with the key and certificate chain in this PKCS#12 key store (as
   * {@code keytool -genkeypair -storetype PKCS12} or {@code openssl pkcs12 -export} make it); the
   * password opens the store and its key. Without one, TLS requests are refused and clients go on
   * unencrypted (or stop, when they require TLS).
   */
  public ServerConfig setTlsKeyStore(Path pkcs12, char[] password) {
    this.tlsKeyStore = pkcs12;
    this.tlsKeyStorePassword = password == null ? new char[0] : password.clone();
    return this;
  }

  /**
   * Refuse clients that do not use TLS (SQLState 28000, before any statement); needs a key store.
   */
  public ServerConfig setRequireTls(boolean requireTls) {
    this.requireTls = requireTls;
    return this;
  }

  /**
   * Over TLS only, ask for the password in clear (PostgreSQL's {@code password} method, checked
   * against the user's SCRAM verifier) instead of SCRAM-SHA-256, for clients without SCRAM. Never
   * offered on an unencrypted connection.
   */
  public ServerConfig setPasswordOverTls(boolean passwordOverTls) {
    this.passwordOverTls = passwordOverTls;
    return this;
  }

  public Path getTlsKeyStore() {
    return tlsKeyStore;
  }

  char[] tlsKeyStorePassword() {
    return tlsKeyStorePassword == null ? new char[0] : tlsKeyStorePassword.clone();
  }

  public boolean isRequireTls() {
    return requireTls;
  }

  public boolean isPasswordOverTls() {
    return passwordOverTls;
  }

  public String getHost() {
    return host;
  }

  public int getPort() {
    return port;
  }

  public String getStoreUri() {
    return storeUri;
  }

  Properties storeProperties() {
    Properties copy = new Properties();
    copy.putAll(storeProperties);
    return copy;
  }

  ServerUsers users() {
    return users;
  }

  public boolean isReadOnly() {
    return readOnly;
  }

  public boolean isBodyAsJson() {
    return bodyAsJson;
  }

  public boolean isTrustLoopback() {
    return trustLoopback;
  }

  public int getMaxConnections() {
    return maxConnections;
  }

  public int getIdleTimeoutSeconds() {
    return idleTimeoutSeconds;
  }

  public int getStatementTimeoutSeconds() {
    return statementTimeoutSeconds;
  }

  /** Checks the settings together; the message names the setting at fault. */
  void validate() {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be between 0 and 65535, not " + port);
    }
    if (maxConnections < 1) {
      throw new IllegalArgumentException("max connections must be at least 1");
    }
    if (idleTimeoutSeconds < 0 || statementTimeoutSeconds < 0) {
      throw new IllegalArgumentException("timeouts must be 0 (none) or a number of seconds");
    }
    if ((requireTls || passwordOverTls) && tlsKeyStore == null) {
      throw new IllegalArgumentException(
          (requireTls ? "requiring TLS" : "passwords over TLS")
              + " needs a TLS key store (a PKCS#12 file with the server's key and certificate)");
    }
    if (trustLoopback) {
      try {
        if (!InetAddress.getByName(host).isLoopbackAddress()) {
          throw new IllegalArgumentException(
              "trust (no password) is allowed only when listening on a loopback address, not "
                  + host);
        }
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("Unknown listen address " + host, e);
      }
    } else if (users == null || users.isEmpty()) {
      throw new IllegalArgumentException(
          "No users: give a users file (statestore serve --add-user NAME writes one)");
    }
  }

  @Override
  public String toString() {
    return "ServerConfig["
        + host
        + ":"
        + port
        + (readOnly ? ", read-only" : "")
        + (tlsKeyStore != null ? (requireTls ? ", TLS required" : ", TLS") : "")
        + "]";
  }
}
