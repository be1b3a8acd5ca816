package io.statestore.migrate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Test stores in temporary directories, and the SQL shortcuts copy tests need on them. */
public final class TestStores {
  private TestStores() {}

  /** A file store URI on a directory. */
  public static String file(Path dir) {
    return "file://" + dir.toAbsolutePath() + "?file.fsync=false";
  }

  /** An H2 systemdb store URI in a directory. */
  public static String h2(Path dir) {
    return "systemdb:jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
  }

  /** A connection to a store URI. */
  public static Connection connect(String uri) throws SQLException {
    return DriverManager.getConnection("jdbc:statestore:" + uri);
  }

  /** Inserts a state. */
  public static void insert(String uri, String id, String body) throws SQLException {
    insertAll(uri, Map.of(id, body));
  }

  /** Inserts states over one connection. */
  public static void insertAll(String uri, Map<String, String> states) throws SQLException {
    try (Connection c = connect(uri)) {
      insertAll(c, states);
    }
  }

  /** Inserts states over an open connection. */
  public static void insertAll(Connection c, Map<String, String> states) throws SQLException {
    try (PreparedStatement s =
        c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (Map.Entry<String, String> e : states.entrySet()) {
        s.setString(1, e.getKey());
        s.setString(2, e.getValue());
        s.executeUpdate();
      }
    }
  }

  /** Every state id and body, in id order. */
  public static Map<String, String> all(String uri) throws SQLException {
    try (Connection c = connect(uri)) {
      return all(c);
    }
  }

  /** Every state id and body over an open connection, in id order. */
  public static Map<String, String> all(Connection c) throws SQLException {
    Map<String, String> m = new LinkedHashMap<>();
    try (PreparedStatement s =
            c.prepareStatement("SELECT state_id, body FROM state ORDER BY state_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getString(2));
      }
    }
    return m;
  }

  /** The bytes of a state.json in a file store directory. */
  public static byte[] fileBytes(Path dir, String id) throws IOException {
    return Files.readAllBytes(dir.resolve(id).resolve("state.json"));
  }

  /** A state document with one bookmark. */
  public static String doc(String bookmark) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key_value\":"
        + " \""
        + bookmark
        + "\"}}}}, \"partial\": {}}";
  }
}
