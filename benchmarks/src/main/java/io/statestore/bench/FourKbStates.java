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
import java.util.Locale;

/**
 * Meltano-like states of at least 4 KB each (the generated bookmarks plus further streams), written
 * straight into a file store's layout or Meltano's table in H2, as {@link Fixtures} writes the
 * smaller ones. The bounded-memory check reads 100,000 of them: about 500 MB of bodies.
 */
public final class FourKbStates {
  /** The least size of a body, in bytes. */
  public static final int MIN_BYTES = 4096;

  private static final String BOOKMARKS_END = "}, \"currently_syncing\": null}}";
  private static final int BATCH = 500;

  private FourKbStates() {}

  /** The body of a state: its generated body with extra streams up to {@link #MIN_BYTES}. */
  public static String body(String stateId) {
    String base = Fixtures.body(stateId);
    int at = base.lastIndexOf(BOOKMARKS_END);
    StringBuilder extra = new StringBuilder();
    long seed = Fixtures.seed(stateId);
    for (int k = 0; base.length() + extra.length() < MIN_BYTES; k++) {
      extra.append(
          String.format(
              Locale.ROOT,
              ", \"archive_%02d\": {\"replication_key\": \"updated_at\", \"replication_key_value\":"
                  + " \"2025-%02d-%02dT00:00:00+00:00\", \"version\": %d}",
              k,
              1 + Math.floorMod(seed + k, 12),
              1 + Math.floorMod(seed * 7 + k, 28),
              1_600_000_000_000L + Math.floorMod(seed * 31 + k, 1_000_000_000L)));
    }
    return base.substring(0, at) + extra + base.substring(at);
  }

  /** Fills a new store of the given kind in {@code dir} with 4 KB states. */
  public static void populate(StoreKind kind, Path dir, List<String> ids) throws Exception {
    if (kind == StoreKind.FILE) {
      populateFiles(dir, ids);
    } else {
      populateSystemDb(dir, ids);
    }
  }

  private static void populateFiles(Path dir, List<String> ids) throws IOException {
    Files.createDirectories(dir);
    for (String id : ids) {
      Path stateDir = Files.createDirectories(dir.resolve(id));
      Files.write(stateDir.resolve("state.json"), body(id).getBytes(StandardCharsets.UTF_8));
    }
  }

  private static void populateSystemDb(Path dir, List<String> ids) throws SQLException {
    try (Connection c = DriverManager.getConnection(Fixtures.systemDbUrl(dir));
        Statement s = c.createStatement()) {
      // The store's first write creates Meltano's table; the state itself is removed again.
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('setup', '{\"completed\": {}}')");
      s.executeUpdate("DELETE FROM state WHERE state_id = 'setup'");
    }
    try (Connection c = DriverManager.getConnection(Fixtures.h2Url(dir));
        PreparedStatement ps =
            c.prepareStatement(
                "INSERT INTO state (state_id, partial_state, completed_state) VALUES (?, ?, ?)")) {
      c.setAutoCommit(false);
      int pending = 0;
      for (String id : ids) {
        ps.setString(1, id);
        ps.setString(2, "{}");
        ps.setString(3, StateData.completedPart(body(id)));
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
