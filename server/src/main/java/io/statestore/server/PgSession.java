package io.statestore.server;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One client connection: startup, authentication, then its statements until it leaves. */
final class PgSession implements Runnable {
  private static final Logger LOG = LoggerFactory.getLogger(PgSession.class);
  static final int SSL_REQUEST = 80877103;
  static final int GSS_REQUEST = 80877104;
  static final int CANCEL_REQUEST = 80877102;
  static final int PROTOCOL_3 = 196608;

  private final PgServer server;
  private volatile Socket socket;
  private boolean tls;
  final int processId;
  final int secret;
  private DataInputStream in;
  private PgResponses out;
  private volatile StatementRunner runner;
  private final List<String> notices = new ArrayList<>();
  private boolean inTransaction;

  PgSession(PgServer server, Socket socket, int processId, int secret) {
    this.server = server;
    this.socket = socket;
    this.processId = processId;
    this.secret = secret;
  }

  @Override
  public void run() {
    String user = null;
    try {
      streams();
      Map<String, String> startup = startup();
      if (startup == null) {
        return;
      }
      if (server.config().isRequireTls() && !tls) {
        fatal(
            "28000",
            "this server accepts TLS connections only: connect with sslmode=require"
                + " (or verify-ca/verify-full)");
        return;
      }
      user = startup.get("user");
      if (user == null || user.isEmpty()) {
        fatal("28000", "no PostgreSQL user name specified in startup packet");
        return;
      }
      if (!new PgAuthenticator(server.config(), in, out, tls).authenticate(user)) {
        return;
      }
      Connection engine;
      try {
        engine = server.openEngine();
      } catch (SQLException e) {
        PgException p = Errors.of(e, false);
        fatal(p.sqlState, p.getMessage());
        return;
      }
      SessionCommands session = new SessionCommands(server.parameters(startup, user));
      runner =
          new StatementRunner(
              engine,
              server.catalog(),
              session,
              server.versionText(),
              server.config().isBodyAsJson());
      try {
        greet(session);
        loop(new ExtendedQueries(runner, out, notices, this::track));
      } finally {
        runner.close();
      }
    } catch (SocketTimeoutException e) {
      try {
        fatal("57P05", "terminating connection due to idle-session timeout");
      } catch (IOException ignored) {
        // the client is gone as well
      }
    } catch (EOFException e) {
      LOG.debug("Client {} left without Terminate", processId);
    } catch (IOException e) {
      LOG.debug("Client {} connection failed: {}", processId, e.toString());
    } catch (RuntimeException e) {
      LOG.warn("Client {} ended by an internal error", processId, e);
    } finally {
      disconnect();
      server.ended(this);
      LOG.debug("Client {} ({}) closed", processId, user);
    }
  }

  private void streams() throws IOException {
    in = new DataInputStream(new BufferedInputStream(socket.getInputStream(), 16384));
    out = new PgResponses(new PgWriter(socket.getOutputStream()));
  }

  /** Answers 'S' and runs the TLS handshake over the connection; the session goes on over TLS. */
  private void startTls(SSLContext context) throws IOException {
    out.writer().raw('S');
    SSLSocket ssl =
        (SSLSocket)
            context
                .getSocketFactory()
                .createSocket(
                    socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
    ssl.setUseClientMode(false);
    ssl.startHandshake();
    socket = ssl;
    tls = true;
    streams();
  }

  /**
   * Reads the startup packet, answering an SSL request with 'S' and TLS when the server has a key
   * store ('N' otherwise) and a GSS request with 'N'; null if no startup packet follows.
   */
  private Map<String, String> startup() throws IOException {
    socket.setSoTimeout(30_000);
    while (true) {
      int len = in.readInt();
      int code = in.readInt();
      if (len < 8 || len > 10_000) {
        fatal("08P01", "invalid length of startup packet");
        return null;
      }
      if (code == SSL_REQUEST && !tls && server.tls() != null) {
        startTls(server.tls());
        continue;
      }
      if (code == SSL_REQUEST || code == GSS_REQUEST) {
        out.writer().raw('N');
        continue;
      }
      if (code == CANCEL_REQUEST) {
        server.cancel(in.readInt(), in.readInt());
        return null;
      }
      byte[] body = new byte[len - 8];
      in.readFully(body);
      if (code != PROTOCOL_3) {
        fatal("0A000", "unsupported frontend protocol " + (code >> 16) + "." + (code & 0xffff));
        return null;
      }
      PgMessage m = new PgMessage('\0', body);
      Map<String, String> params = new LinkedHashMap<>();
      while (m.hasRemaining()) {
        String key = m.cstring();
        if (key.isEmpty()) {
          break;
        }
        params.put(key, m.cstring());
      }
      return params;
    }
  }

  private void greet(SessionCommands session) throws IOException {
    for (String name : PgServer.REPORTED_PARAMETERS) {
      String v = session.get(name);
      if (v != null) {
        out.parameterStatus(name, v);
      }
    }
    out.writer().begin('K').int32(processId).int32(secret).end();
    out.readyForQuery('I');
    socket.setSoTimeout(server.config().getIdleTimeoutSeconds() * 1000);
  }

  private void loop(ExtendedQueries extended) throws IOException {
    boolean skipToSync = false;
    while (true) {
      char type = (char) in.readUnsignedByte();
      int len = in.readInt();
      if (len < 4 || len > 256 * 1024 * 1024) {
        fatal("08P01", "invalid message length");
        return;
      }
      byte[] body = new byte[len - 4];
      in.readFully(body);
      PgMessage m = new PgMessage(type, body);
      if (type == 'X') {
        return;
      }
      runner.busy();
      if (skipToSync && type != 'S') {
        continue;
      }
      try {
        switch (type) {
          case 'Q':
            simpleQuery(m.cstring());
            extended.closePortals();
            ready();
            break;
          case 'P':
            extended.parse(m);
            break;
          case 'B':
            extended.bind(m);
            break;
          case 'D':
            extended.describe(m);
            break;
          case 'E':
            extended.execute(m);
            break;
          case 'C':
            extended.close(m);
            break;
          case 'H':
            out.writer().flush();
            break;
          case 'S':
            skipToSync = false;
            if (!inTransaction) {
              extended.closePortals();
            }
            ready();
            break;
          default:
            throw new PgException("0A000", "message type '" + type + "' is not supported");
        }
      } catch (PgException e) {
        out.notices(notices);
        out.error("ERROR", e.sqlState, e.getMessage());
        if (type == 'Q') {
          ready();
        } else {
          skipToSync = true;
        }
      }
    }
  }

  /** Tells the client the server is ready: a cancel request from now on finds nothing to stop. */
  private void ready() throws IOException {
    runner.idle();
    out.readyForQuery(status());
  }

  private char status() {
    return inTransaction ? 'T' : 'I';
  }

  private void simpleQuery(String sql) throws IOException, PgException {
    List<String> statements = SqlText.split(sql);
    if (statements.isEmpty()) {
      out.emptyQuery();
      return;
    }
    for (String one : statements) {
      PreparedQuery q = runner.parse(one, new int[0]);
      try (QueryResult r = runner.execute(q, new Object[0], notices)) {
        out.notices(notices);
        track(q.keyword);
        if (r.hasRows()) {
          out.rowDescription(r.columns, null);
          out.rows(r, 0, null);
        }
        out.commandComplete(r.tag());
      } finally {
        q.closeStatement();
      }
    }
  }

  private void track(String keyword) {
    if (keyword.equals("BEGIN") || keyword.equals("START")) {
      inTransaction = true;
    } else if (keyword.equals("COMMIT")
        || keyword.equals("END")
        || keyword.equals("ROLLBACK")
        || keyword.equals("ABORT")) {
      inTransaction = false;
    }
  }

  private void fatal(String sqlState, String message) throws IOException {
    out.error("FATAL", sqlState, message);
    out.writer().flush();
  }

  /** Closes the client's connection (server shutdown); its thread then ends. */
  void disconnect() {
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }

  /** Whether this client's statement runs now. */
  boolean running() {
    StatementRunner r = runner;
    return r != null && r.running();
  }

  /** Cancels the statement this client runs now (a cancel request from another connection). */
  void cancel() {
    StatementRunner r = runner;
    if (r != null) {
      r.cancel();
    }
  }
}
