package io.statestore.jdbc.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Everything a store holds, as SQL shows it (state ids, bodies and locks) and, for local stores, as
 * the files are (every path with a hash of its content), so a test can prove that a refused
 * statement wrote nothing at all.
 *
 * @param states body by state id
 * @param locks lock holders by state id
 * @param files content hash by relative path; empty for stores without a directory
 */
public record StoreSnapshot(
    Map<String, String> states, Map<String, String> locks, Map<String, String> files) {

  /** Takes a snapshot of the fixture's store. */
  public static StoreSnapshot of(StoreFixture store) throws SQLException {
    Map<String, String> states = new TreeMap<>();
    Map<String, String> locks = new TreeMap<>();
    try (Connection c = DriverManager.getConnection(store.url());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
        while (rs.next()) {
          states.put(rs.getString(1), rs.getString(2));
        }
      }
      try (ResultSet rs = s.executeQuery("SELECT * FROM locks")) {
        while (rs.next()) {
          locks.put(rs.getString(1), String.valueOf(rs.getObject(2)));
        }
      }
    }
    return new StoreSnapshot(
        states, locks, store.directory().map(StoreSnapshot::files).orElse(Map.of()));
  }

  /** The content hash of every file under a directory, by relative path. */
  public static Map<String, String> files(Path root) {
    Map<String, String> out = new TreeMap<>();
    if (!Files.exists(root)) {
      return out;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        String rel = root.relativize(p).toString();
        if (Files.isRegularFile(p)) {
          out.put(rel, hash(Files.readAllBytes(p)));
        } else if (Files.isDirectory(p) && !rel.isEmpty()) {
          out.put(rel + "/", "dir");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  private static String hash(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
