package io.statestore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Writes generated states straight into a store's own format (no statestore code on the way), so
 * building a large fixture is quick and the measured paths read what another tool wrote.
 */
public final class Fixtures {
  private static final int BATCH = 500;

  private Fixtures() {}

  /** The seed of a state's body: stable per id. */
  public static long seed(String stateId) {
    return stateId.hashCode();
  }

  /** The generated body of a state. */
  public static String body(String stateId) {
    return StateData.body(seed(stateId), 0);
  }

  /** The statestore URL of a file store directory. */
  public static String fileUrl(Path dir) {
    return "jdbc:statestore:" + fileUri(dir);
  }

  /** The store URI of a file store directory. */
  public static String fileUri(Path dir) {
    return dir.toAbsolutePath().toUri().toString().replaceFirst("^file:/+", "file:///");
  }

  /** H2's own URL of an H2 file database in {@code dir}. */
  public static String h2Url(Path dir) {
    return "jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
  }

  /** The statestore URL of Meltano's system database table in an H2 database. */
  public static String systemDbUrl(Path dir) {
    return "jdbc:statestore:systemdb:" + h2Url(dir);
  }

  /** Writes {@code <dir>/<id>/state.json} for every id, as Meltano's local backend lays it out. */
  public static void populateFiles(Path dir, List<String> ids) throws IOException {
    populateFiles(dir, ids, Fixtures::body);
  }

  /** The same with the bodies {@code bodies} gives each id. */
  public static void populateFiles(Path dir, List<String> ids, UnaryOperator<String> bodies)
      throws IOException {
    Files.createDirectories(dir);
    for (String id : ids) {
      Path stateDir = Files.createDirectories(dir.resolve(id));
      Files.write(
          stateDir.resolve("state.json"), bodies.apply(id).getBytes(StandardCharsets.UTF_8));
    }
  }

  /**
   * Creates Meltano's state table in an H2 database (through statestore's first write, which
   * creates it with Meltano's definition) and fills it with batched inserts.
   */
  public static void populateSystemDb(Path dir, List<String> ids) throws SQLException {
    populateSystemDb(dir, ids, Fixtures::body);
  }

  /** The same with the bodies {@code bodies} gives each id. */
  public static void populateSystemDb(Path dir, List<String> ids, UnaryOperator<String> bodies)
      throws SQLException {
    try (Connection c = DriverManager.getConnection(systemDbUrl(dir));
        Statement s = c.createStatement()) {
      // The store's first write creates the table; the state itself is removed again.
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('setup', '{\"completed\": {}}')");
      s.executeUpdate("DELETE FROM state WHERE state_id = 'setup'");
    }
    try (Connection c = DriverManager.getConnection(h2Url(dir));
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO state (state_id, partial_state, completed_state) VALUES (?, ?, ?)")) {
      c.setAutoCommit(false);
      int pending = 0;
      for (String id : ids) {
        ps.setString(1, id);
        ps.setString(2, "{}");
        ps.setString(3, StateData.completedPart(bodies.apply(id)));
        ps.addBatch();
        if (++pending == BATCH) {
          ps.executeBatch();
          c.commit();
          pending = 0;
        }
      }
      ps.executeBatch();
      c.commit();
    }
  }
}
