package io.statestore.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One fresh store of a {@link StoreKind} in a temporary directory, seeded with {@link #SEED_IDS}.
 * For the embedded default it points the system property {@code statestore.home} at the directory
 * and restores it on {@link #close()}.
 */
public final class TestStore implements AutoCloseable {
  /** The states every store starts with. */
  public static final List<String> SEED_IDS =
      List.of(
          "dev:tap-github-to-target-postgres",
          "dev:tap-gitlab-to-target-postgres",
          "dev:tap-slack-to-target-jsonl",
          "prod:tap-github-to-target-postgres");

  private static final String HOME_PROPERTY = "statestore.home";

  private final StoreKind kind;
  private final Path dir;
  private final String url;
  private final String previousHome;

  private TestStore(StoreKind kind, Path dir, String url, String previousHome) {
    this.kind = kind;
    this.dir = dir;
    this.url = url;
    this.previousHome = previousHome;
  }

  /** Opens a fresh, seeded store of {@code kind} under {@code dir}. */
  public static TestStore open(StoreKind kind, Path dir) throws SQLException {
    String previous = System.getProperty(HOME_PROPERTY);
    String url;
    switch (kind) {
      case FILE:
        url = "jdbc:statestore:file://" + dir.toAbsolutePath().resolve("states");
        break;
      case SYSTEMDB_H2:
        url = "jdbc:statestore:systemdb:" + h2Url(dir);
        break;
      default:
        System.setProperty(HOME_PROPERTY, dir.toAbsolutePath().resolve("home").toString());
        url = "jdbc:statestore:";
        break;
    }
    TestStore store = new TestStore(kind, dir, url, previous);
    store.seed();
    return store;
  }

  private static String h2Url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
  }

  /** The plain H2 URL of the database behind a {@code systemdb} or embedded store. */
  private String underlyingH2Url() {
    if (kind == StoreKind.SYSTEMDB_H2) {
      return h2Url(dir);
    }
    return "jdbc:h2:file:"
        + dir.toAbsolutePath().resolve("home").resolve("statestore")
        + ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0";
  }

  /** The kind of this store. */
  public StoreKind kind() {
    return kind;
  }

  /** The JDBC URL of the store. */
  public String url() {
    return url;
  }

  /** Opens a connection through {@link DriverManager}. */
  public Connection connect() throws SQLException {
    return DriverManager.getConnection(url);
  }

  /** A state document whose completed bookmark is {@code value}. */
  public static String body(String value) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": "
        + "{\"replication_key_value\": \""
        + value
        + "\"}}}}, \"partial\": {}}";
  }

  private void seed() throws SQLException {
    try (Connection c = connect();
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (String id : SEED_IDS) {
        ps.setString(1, id);
        ps.setString(2, body("2024-01-01"));
        assertEquals(1, ps.executeUpdate(), "seeding " + id);
      }
    }
  }

  /** The number of states, counted through the driver. */
  public int count() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /** The ids of the locks the store shows, through the driver. */
  public int lockCount() throws SQLException {
    try (Connection c = connect();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locks")) {
      rs.next();
      return rs.getInt(1);
    }
  }

  /**
   * Takes the lock of {@code stateId} from outside statestore, as another writer holding it now
   * would: Meltano's {@code lock} file on a file store, a row of the lock table in a database.
   */
  public void holdLock(String stateId) throws IOException, SQLException {
    String now = String.format(Locale.ROOT, "%.6f", Instant.now().toEpochMilli() / 1000.0);
    if (kind == StoreKind.FILE) {
      Path lock = dir.toAbsolutePath().resolve("states").resolve(stateId).resolve("lock");
      Files.createDirectories(lock.getParent());
      Files.writeString(lock, now, StandardCharsets.UTF_8);
      return;
    }
    try (Connection c = DriverManager.getConnection(underlyingH2Url());
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO statestore_lock (state_id, content, version, updated_at)"
                    + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, stateId);
      ps.setString(2, now);
      ps.setString(3, UUID.randomUUID().toString());
      ps.setTimestamp(4, Timestamp.valueOf(LocalDateTime.now()));
      ps.executeUpdate();
    }
  }

  /** Releases a lock taken by {@link #holdLock}. */
  public void releaseLock(String stateId) throws IOException, SQLException {
    if (kind == StoreKind.FILE) {
      Files.deleteIfExists(dir.toAbsolutePath().resolve("states").resolve(stateId).resolve("lock"));
      return;
    }
    try (Connection c = DriverManager.getConnection(underlyingH2Url());
        PreparedStatement ps =
            c.prepareStatement("DELETE FROM statestore_lock WHERE state_id = ?")) {
      ps.setString(1, stateId);
      ps.executeUpdate();
    }
  }

  @Override
  public void close() {
    if (kind == StoreKind.EMBEDDED_DEFAULT) {
      if (previousHome == null) {
        System.clearProperty(HOME_PROPERTY);
      } else {
        System.setProperty(HOME_PROPERTY, previousHome);
      }
    }
  }

  @Override
  public String toString() {
    return kind.name();
  }
}
