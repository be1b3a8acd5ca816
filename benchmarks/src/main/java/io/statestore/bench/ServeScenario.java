package io.statestore.bench;

import io.statestore.server.PgServer;
import io.statestore.server.ServerConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * {@code statestore serve}: the same statements through the PostgreSQL JDBC driver against the
 * endpoint (on loopback, trusted) and through the embedded driver, on one file store: a prepared
 * point read, a {@code LIKE} listing, and opening a connection.
 */
public final class ServeScenario implements Scenario {
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
                "each endpoint connection opens its own engine connection"));
      }
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
