package io.statestore.cli;

import io.statestore.server.PgServer;
import io.statestore.server.ServerConfig;
import io.statestore.server.ServerUsers;
import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code statestore serve}: the store behind a PostgreSQL wire-protocol endpoint, for BI tools that
 * speak PostgreSQL but cannot load a JDBC driver. {@code --add-user NAME} writes a user's
 * SCRAM-SHA-256 verifier to the users file instead.
 */
@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = {
      "Serve the store over the PostgreSQL protocol: BI tools (Metabase, Superset, Grafana,",
      "Tableau, Power BI) and psql connect with a user name and password and see state,",
      "locks and attached stores as tables. Runs until stopped (Ctrl-C). Use --read-only",
      "for BI users. 'serve --add-user NAME' adds a user to the users file (password from",
      "the terminal or one line of stdin) and exits."
    })
final class ServeCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Option(
      names = "--listen",
      paramLabel = "<address>",
      defaultValue = "127.0.0.1",
      description = "The address to listen on (default 127.0.0.1; 0.0.0.0 for every interface).")
  String listen;

  @Option(
      names = "--port",
      paramLabel = "<port>",
      defaultValue = "5433",
      description = "The port to listen on (default 5433).")
  int port;

  @Option(
      names = "--users",
      paramLabel = "<file>",
      defaultValue = "${env:STATESTORE_SERVE_USERS:-statestore-users}",
      description = {
        "The users file: one 'name:SCRAM-SHA-256$...' line per user, never a password",
        "(default $STATESTORE_SERVE_USERS, else ./statestore-users)."
      })
  Path users;

  @Option(
      names = "--add-user",
      paramLabel = "<name>",
      description = "Add or replace a user in the users file, then exit.")
  String addUser;

  @Option(names = "--read-only", description = "Refuse every write (SQLState 25006).")
  boolean readOnly;

  @Option(
      names = "--max-connections",
      paramLabel = "<n>",
      defaultValue = "32",
      description = "The most clients served at once (default 32).")
  int maxConnections;

  @Option(
      names = "--idle-timeout",
      paramLabel = "<seconds>",
      defaultValue = "0",
      description = "Close a client idle this long (default 0: never).")
  int idleTimeout;

  @Option(
      names = "--statement-timeout",
      paramLabel = "<seconds>",
      defaultValue = "0",
      description = "Cancel a statement running this long (default 0: never).")
  int statementTimeout;

  @Option(
      names = "--tls-keystore",
      paramLabel = "<file>",
      description = {
        "A PKCS#12 file with the server's TLS key and certificate chain; its password is read",
        "from $STATESTORE_SERVE_TLS_PASSWORD. Clients asking for TLS then get it."
      })
  Path tlsKeyStore;

  @Option(
      names = "--require-tls",
      description = "Refuse clients that do not use TLS (SQLState 28000); needs --tls-keystore.")
  boolean requireTls;

  @Option(
      names = "--password-over-tls",
      description = {
        "Over TLS, ask for the password itself instead of SCRAM-SHA-256 (for clients",
        "without SCRAM); never without TLS. Needs --tls-keystore."
      })
  boolean passwordOverTls;

  @Option(
      names = "--body-type",
      paramLabel = "<type>",
      defaultValue = "varchar",
      description = {
        "How clients see the body column: varchar (default) or json, which psycopg2 and",
        "SQLAlchemy turn into parsed documents."
      })
  String bodyType;

  @Option(
      names = "--trust",
      description = "No passwords at all; only when listening on a loopback address.")
  boolean trust;

  @Override
  int run() throws Exception {
    if (addUser != null) {
      char[] password = readPassword();
      if (password == null || password.length == 0) {
        throw new UserException("No password given: user '" + addUser + "' was not added");
      }
      ServerUsers.addUser(users, addUser, password);
      java.util.Arrays.fill(password, ' ');
      io().err().println("User '" + addUser + "' written to " + users);
      return ExitCodes.OK;
    }
    if (!bodyType.equals("varchar") && !bodyType.equals("json")) {
      throw new UserException("--body-type is varchar or json, not '" + bodyType + "'");
    }
    ServerConfig config =
        new ServerConfig()
            .setHost(listen)
            .setPort(port)
            .setStoreUri(StoreArgs.storeUri(store.uri))
            .setReadOnly(readOnly)
            .setBodyAsJson(bodyType.equals("json"))
            .setMaxConnections(maxConnections)
            .setIdleTimeoutSeconds(idleTimeout)
            .setStatementTimeoutSeconds(statementTimeout)
            .setTrustLoopback(trust)
            .setRequireTls(requireTls)
            .setPasswordOverTls(passwordOverTls);
    if (tlsKeyStore != null) {
      String secret = System.getenv("STATESTORE_SERVE_TLS_PASSWORD");
      config.setTlsKeyStore(tlsKeyStore, secret == null ? new char[0] : secret.toCharArray());
    }
    Properties p = new Properties();
    store.properties.forEach(p::setProperty);
    config.setStoreProperties(p);
    if (!trust) {
      if (!Files.exists(users)) {
        throw new UserException(
            "No users file at "
                + users
                + ": add a user first with 'statestore serve --add-user NAME --users "
                + users
                + "'");
      }
      config.setUsers(ServerUsers.load(users));
    }
    PgServer server = PgServer.start(config);
    Runtime.getRuntime().addShutdownHook(new Thread(server::close, "statestore-serve-stop"));
    io().err()
        .println(
            "Serving on "
                + listen
                + ":"
                + server.port()
                + (readOnly ? " (read-only)" : "")
                + "; connect with any PostgreSQL client, database statestore. Ctrl-C stops.");
    io().err().flush();
    server.awaitClose();
    return ExitCodes.OK;
  }

  private char[] readPassword() throws java.io.IOException {
    Console console = System.console();
    if (console != null && io().terminal()) {
      char[] first = console.readPassword("Password for %s: ", addUser);
      char[] again = console.readPassword("Again: ");
      return first != null && java.util.Arrays.equals(first, again) ? first : null;
    }
    BufferedReader r = new BufferedReader(new InputStreamReader(io().in(), StandardCharsets.UTF_8));
    String line = r.readLine();
    return line == null ? null : line.toCharArray();
  }
}
