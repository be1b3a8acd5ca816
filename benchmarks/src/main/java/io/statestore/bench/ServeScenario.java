package io.statestore.bench;

import io.statestore.server.PgServer;
import io.statestore.server.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code statestore serve}: the same statements through the PostgreSQL JDBC driver against the
 * endpoint (on loopback, trusted) and through the embedded driver, on one file store: a prepared
 * point read, a {@code LIKE} listing, opening a connection, and the throughput of {@value #CLIENTS}
 * clients at once, each on its own connection, running a mix of point reads, updates of a state of
 * its own and {@code LIKE} listings.
 */
public final class ServeScenario implements Scenario {
  static final int CLIENTS = 50;

  @Override
  public String name() {
    return "serve";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    int n = config.pointStates();
    Path dir = work.resolve("file");
    List<String> ids = StateData.ids(n, n / 10, 6);
    Fixtures.populateFiles(dir, ids);
    Harness harness = new Harness(config.warmup(), config.rounds());
    try (PgServer server =
        PgServer.start(
            new ServerConfig()
                .setStoreUri(Fixtures.fileUri(dir))
                .setPort(0)
                .setMaxConnections(CLIENTS + 10)
                .setTrustLoopback(true))) {
      String pg = "jdbc:postgresql://127.0.0.1:" + server.port() + "/statestore";
      Properties user = new Properties();
      user.setProperty("user", "bench");
      String embedded = Fixtures.fileUrl(dir);
      try (Connection remote = DriverManager.getConnection(pg, user);
          Connection local = DriverManager.getConnection(embedded);
          PreparedStatement remotePoint = point(remote);
          PreparedStatement localPoint = point(local);
          PreparedStatement remoteLike = like(remote);
          PreparedStatement localLike = like(local)) {
        int calls = Math.max(1, config.readCalls() / 10);
        Op viaServer = i -> read(remotePoint, ids.get(i % n));
        Op viaDriver = i -> read(localPoint, ids.get(i % n));
        Stats[] point = harness.compare(viaServer, viaDriver, calls);
        Op likeServer = i -> list(remoteLike);
        Op likeDriver = i -> list(localLike);
        Stats[] listing = harness.compare(likeServer, likeDriver, Math.max(1, calls / 10));
        Harness connects = new Harness(Math.min(config.warmup(), 5), config.rounds());
        Op openServer = i -> DriverManager.getConnection(pg, user).close();
        Op openDriver = i -> DriverManager.getConnection(embedded).close();
        Stats[] open = connects.compare(openServer, openDriver, Math.max(1, calls / 20));
        int perClient = Math.max(4, config.readCalls() / 100);
        Stats[] many = throughput(config, pg, user, embedded, ids, perClient);
        String size = String.format(Locale.ROOT, "file, N=%,d", n);
        return List.of(
            Result.slowdown(
                "serve: point read, " + size,
                "pgjdbc → statestore serve, prepared SELECT body … WHERE state_id = ?",
                "the embedded driver, same statement",
                point,
                Goal.atMost(2),
                ""),
            Result.slowdown(
                "serve: LIKE listing, " + size,
                "pgjdbc → statestore serve, SELECT state_id … LIKE 'prod:%'",
                "the embedded driver, same statement",
                listing,
                Goal.atMost(2),
                ""),
            Result.slowdown(
                "serve: open a connection",
                "pgjdbc connect + close (loopback, trust)",
                "the embedded driver's connect + close",
                open,
                null,
                "each endpoint connection opens its own engine connection"),
            Result.slowdown(
                "serve: " + CLIENTS + " clients at once, " + size,
                CLIENTS
                    + " pgjdbc connections → statestore serve, "
                    + perClient
                    + " statements each (7 point reads, 2 updates of its own state, 1 LIKE listing"
                    + " in 10)",
                "the same " + CLIENTS + " threads on " + CLIENTS + " embedded connections",
                many,
                null,
                String.format(
                    Locale.ROOT,
                    "time per statement of all clients together: %,.0f statements/s through the"
                        + " endpoint, %,.0f embedded",
                    1e9 / many[0].medianNanos(),
                    1e9 / many[1].medianNanos())));
      }
    }
  }

  /**
   * {@value #CLIENTS} clients on their own connections, each running {@code perClient} statements
   * per round; the statistics are per statement of all clients together.
   */
  private static Stats[] throughput(
      BenchConfig config,
      String pg,
      Properties user,
      String embedded,
      List<String> ids,
      int perClient)
      throws Exception {
    List<Client> remote = new ArrayList<>();
    List<Client> local = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
    try {
      for (int i = 0; i < CLIENTS; i++) {
        remote.add(new Client(DriverManager.getConnection(pg, user), "serve-load:remote:" + i));
        local.add(new Client(DriverManager.getConnection(embedded), "serve-load:local:" + i));
      }
      Harness rounds = new Harness(1, config.heavyRounds());
      Stats[] perRound =
          rounds.compare(
              r -> runAll(pool, remote, ids, perClient),
              r -> runAll(pool, local, ids, perClient),
              1);
      double statements = (double) CLIENTS * perClient;
      return new Stats[] {
        perStatement(perRound[0], statements), perStatement(perRound[1], statements)
      };
    } finally {
      pool.shutdownNow();
      for (Client c : remote) {
        c.close();
      }
      for (Client c : local) {
        c.close();
      }
    }
  }

  private static Stats perStatement(Stats round, double statements) {
    return new Stats(
        round.minNanos() / statements, round.medianNanos() / statements, round.rounds());
  }

  private static void runAll(ExecutorService pool, List<Client> clients, List<String> ids, int k)
      throws Exception {
    List<Future<?>> running = new ArrayList<>();
    for (Client c : clients) {
      running.add(
          pool.submit(
              () -> {
                c.run(ids, k);
                return null;
              }));
    }
    for (Future<?> f : running) {
      f.get();
    }
  }

  /** One client: its connection, its statements and the state it updates. */
  private static final class Client implements AutoCloseable {
    private final Connection connection;
    private final String own;
    private final PreparedStatement point;
    private final PreparedStatement like;
    private final PreparedStatement update;
    private int step;

    Client(Connection connection, String own) throws SQLException {
      this.connection = connection;
      this.own = own;
      try (PreparedStatement insert =
          connection.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
        insert.setString(1, own);
        insert.setString(2, "{\"completed\": {\"v\": 0}, \"partial\": {}}");
        insert.executeUpdate();
      }
      this.point = point(connection);
      this.like = like(connection);
      this.update = connection.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?");
    }

    void run(List<String> ids, int k) throws SQLException {
      for (int i = 0; i < k; i++, step++) {
        int kind = step % 10;
        if (kind == 0) {
          list(like);
        } else if (kind == 3 || kind == 7) {
          update.setString(1, "{\"completed\": {\"v\": " + step + "}, \"partial\": {}}");
          update.setString(2, own);
          if (update.executeUpdate() != 1) {
            throw new IllegalStateException("state " + own + " not updated");
          }
        } else {
          read(point, ids.get((step * 31 + own.hashCode() & 0x7fffffff) % ids.size()));
        }
      }
    }

    @Override
    public void close() throws SQLException {
      connection.close();
    }
  }

  private static PreparedStatement point(Connection c) throws SQLException {
    return c.prepareStatement("SELECT body FROM state WHERE state_id = ?");
  }

  private static PreparedStatement like(Connection c) throws SQLException {
    return c.prepareStatement("SELECT state_id FROM state WHERE state_id LIKE 'prod:%'");
  }

  private static void read(PreparedStatement ps, String id) throws SQLException {
    ps.setString(1, id);
    try (ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw new IllegalStateException("no state " + id);
      }
      Sink.consume(rs.getString(1));
    }
  }

  private static void list(PreparedStatement ps) throws SQLException {
    int rows = 0;
    try (ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        Sink.consume(rs.getString(1));
        rows++;
      }
    }
    if (rows == 0) {
      throw new IllegalStateException("no prod: states listed");
    }
  }
}
