package io.statestore.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A PostgreSQL wire-protocol (v3) endpoint over one statestore store: BI tools and PostgreSQL
 * clients connect with a user name and password and see {@code state}, {@code locks} and the
 * attached stores as PostgreSQL tables. Each client gets its own {@code jdbc:statestore:}
 * connection; at most {@link ServerConfig#getMaxConnections()} are served at once.
 *
 * <pre>{@code
 * try (PgServer server = PgServer.start(new ServerConfig()
 *     .setStoreUri("file:///var/meltano/state")
 *     .setUsers(ServerUsers.load(Path.of("users")))
 *     .setReadOnly(true))) {
 *   server.awaitClose();
 * }
 * }</pre>
 */
public final class PgServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(PgServer.class);
  static final String SERVER_VERSION = "9.6.0";
  static final List<String> REPORTED_PARAMETERS =
      List.of(
          "server_version",
          "server_encoding",
          "client_encoding",
          "application_name",
          "DateStyle",
          "TimeZone",
          "integer_datetimes",
          "standard_conforming_strings",
          "IntervalStyle",
          "is_superuser",
          "session_authorization",
          "default_transaction_read_only");

  private final ServerConfig config;
  private final ServerSocket listener;
  private final CatalogDatabase catalog;
  private final SSLContext tls;
  private final ThreadPoolExecutor workers;
  private final Semaphore slots;
  private final Map<Integer, PgSession> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger nextProcessId = new AtomicInteger(1000);
  private final SecureRandom random = new SecureRandom();
  private final CountDownLatch closed = new CountDownLatch(1);
  private final Thread acceptor;
  private volatile boolean closing;

  private PgServer(
      ServerConfig config, ServerSocket listener, CatalogDatabase catalog, SSLContext tls) {
    this.config = config;
    this.tls = tls;
    this.listener = listener;
    this.catalog = catalog;
    this.slots = new Semaphore(config.getMaxConnections());
    AtomicInteger n = new AtomicInteger();
    this.workers =
        new ThreadPoolExecutor(
            0,
            config.getMaxConnections() + 4,
            5,
            TimeUnit.SECONDS,
            new SynchronousQueue<>(),
            r -> {
              Thread t = new Thread(r, "statestore-pg-client-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    this.acceptor = new Thread(this::acceptLoop, "statestore-pg-listener-" + port());
  }

  /** Opens the store once (to check it and read its tables), then listens. */
  public static PgServer start(ServerConfig config) throws IOException, SQLException {
    config.validate();
    SSLContext tls = config.getTlsKeyStore() == null ? null : tlsContext(config);
    CatalogDatabase catalog;
    try (Connection probe = openEngine(config)) {
      catalog = CatalogDatabase.mirror(probe, config.isBodyAsJson());
    }
    ServerSocket listener = new ServerSocket();
    try {
      listener.bind(
          new InetSocketAddress(InetAddress.getByName(config.getHost()), config.getPort()), 128);
    } catch (IOException e) {
      listener.close();
      catalog.close();
      throw new IOException(
          "Cannot listen on " + config.getHost() + ":" + config.getPort() + ": " + e.getMessage(),
          e);
    }
    PgServer server = new PgServer(config, listener, catalog, tls);
    server.acceptor.start();
    LOG.info(
        "Serving PostgreSQL protocol on {}:{}{}",
        config.getHost(),
        server.port(),
        (config.isReadOnly() ? " (read-only)" : "")
            + (tls == null ? "" : config.isRequireTls() ? " (TLS required)" : " (TLS)"));
    return server;
  }

  /** The TLS context of the configured PKCS#12 key store; the message names the file only. */
  private static SSLContext tlsContext(ServerConfig config) throws IOException {
    char[] password = config.tlsKeyStorePassword();
    try (InputStream in = Files.newInputStream(config.getTlsKeyStore())) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, password);
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(store, password);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException | IOException e) {
      throw new IOException(
          "Cannot use the TLS key store "
              + config.getTlsKeyStore()
              + " (a PKCS#12 file and its password are needed): "
              + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()),
          e);
    } finally {
      java.util.Arrays.fill(password, ' ');
    }
  }

  /** The TLS context, or null when the server has no key store. */
  SSLContext tls() {
    return tls;
  }

  /** The port listened on (the one chosen when the configuration said 0). */
  public int port() {
    return listener.getLocalPort();
  }

  /** How many clients are connected now. */
  public int activeConnections() {
    return sessions.size();
  }

  /** How many clients' statements run now (for tests and monitoring). */
  int runningStatements() {
    return (int) sessions.values().stream().filter(PgSession::running).count();
  }

  /** Blocks until {@link #close()} is called. */
  public void awaitClose() throws InterruptedException {
    closed.await();
  }

  private void acceptLoop() {
    while (!closing) {
      Socket s;
      try {
        s = listener.accept();
        s.setTcpNoDelay(true);
      } catch (IOException e) {
        if (!closing) {
          LOG.warn("Accepting a client failed: {}", e.toString());
        }
        continue;
      }
      if (!slots.tryAcquire()) {
        refuse(s);
        continue;
      }
      PgSession session = new PgSession(this, s, nextProcessId.incrementAndGet(), random.nextInt());
      sessions.put(session.processId, session);
      try {
        workers.execute(session);
      } catch (RuntimeException e) {
        ended(session);
        refuse(s);
      }
    }
  }

  /** Tells a client over the limit so (a cancel request is still served), then closes it. */
  private void refuse(Socket s) {
    try (Socket c = s) {
      c.setSoTimeout(2000);
      java.io.DataInputStream in = new java.io.DataInputStream(c.getInputStream());
      OutputStream raw = c.getOutputStream();
      PgWriter w = new PgWriter(raw);
      while (true) {
        int len = in.readInt();
        int code = in.readInt();
        if (code == PgSession.SSL_REQUEST || code == PgSession.GSS_REQUEST) {
          w.raw('N');
          continue;
        }
        if (code == PgSession.CANCEL_REQUEST) {
          cancel(in.readInt(), in.readInt());
          return;
        }
        in.skipNBytes(Math.max(0, Math.min(len - 8, 10_000)));
        break;
      }
      new PgResponses(w).error("FATAL", "53300", "sorry, too many clients already");
      w.flush();
    } catch (IOException e) {
      LOG.debug("Refusing a client over the limit: {}", e.toString());
    }
  }

  void ended(PgSession session) {
    if (sessions.remove(session.processId, session)) {
      slots.release();
    }
  }

  void cancel(int processId, int secret) {
    PgSession s = sessions.get(processId);
    if (s != null && s.secret == secret) {
      LOG.debug("Cancel request for client {}", processId);
      s.cancel();
    }
  }

  ServerConfig config() {
    return config;
  }

  CatalogDatabase catalog() {
    return catalog;
  }

  String versionText() {
    return "PostgreSQL " + SERVER_VERSION + " (statestore)";
  }

  Connection openEngine() throws SQLException {
    return openEngine(config);
  }

  private static Connection openEngine(ServerConfig config) throws SQLException {
    Connection c =
        DriverManager.getConnection(
            "jdbc:statestore:" + config.getStoreUri(), config.storeProperties());
    if (config.isReadOnly()) {
      c.setReadOnly(true);
    }
    return c;
  }

  /** The session parameters a client starts with. */
  Map<String, String> parameters(Map<String, String> startup, String user) {
    Map<String, String> p = new LinkedHashMap<>();
    p.put("server_version", SERVER_VERSION);
    p.put("server_encoding", "UTF8");
    p.put("client_encoding", "UTF8");
    p.put("application_name", startup.getOrDefault("application_name", ""));
    p.put("DateStyle", "ISO, MDY");
    p.put("TimeZone", startup.getOrDefault("TimeZone", ZoneId.systemDefault().getId()));
    p.put("integer_datetimes", "on");
    p.put("standard_conforming_strings", "on");
    p.put("IntervalStyle", "postgres");
    p.put("is_superuser", "off");
    p.put("session_authorization", user);
    p.put("default_transaction_read_only", config.isReadOnly() ? "on" : "off");
    p.put("transaction_read_only", config.isReadOnly() ? "on" : "off");
    p.put("transaction_isolation", "read committed");
    p.put("search_path", catalog.defaultSchema == null ? "public" : catalog.defaultSchema);
    p.put("max_identifier_length", "63");
    p.put("extra_float_digits", "1");
    p.put("statement_timeout", Integer.toString(config.getStatementTimeoutSeconds() * 1000));
    p.put("server_version_num", "90600");
    p.put("max_connections", Integer.toString(config.getMaxConnections()));
    p.put("default_transaction_isolation", "read committed");
    p.put("bytea_output", "hex");
    p.put("lock_timeout", "0");
    p.put("idle_in_transaction_session_timeout", "0");
    p.put("lc_messages", "C");
    p.put("lc_collate", "C");
    p.put("lc_ctype", "C");
    return p;
  }

  /** Stops listening, ends every client's connection, and frees the catalog. */
  @Override
  public void close() {
    if (closing) {
      return;
    }
    closing = true;
    try {
      listener.close();
    } catch (IOException e) {
      LOG.debug("Closing the listener: {}", e.toString());
    }
    sessions.values().forEach(PgSession::disconnect);
    workers.shutdownNow();
    try {
      acceptor.join(5000);
      workers.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    try {
      catalog.close();
    } catch (SQLException e) {
      LOG.debug("Closing the catalog: {}", e.toString());
    }
    closed.countDown();
    LOG.info("Stopped serving on {}:{}", config.getHost(), port());
  }
}
