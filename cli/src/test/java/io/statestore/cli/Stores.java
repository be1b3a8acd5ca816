package io.statestore.cli;

import io.statestore.migrate.TestStores;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Map;

/** Test stores in temporary directories, and a few SQL shortcuts on them. */
public final class Stores {
  private Stores() {}

  /** A file store URI on a directory. */
  public static String file(Path dir) {
    return TestStores.file(dir);
  }

  /** An H2 systemdb store URI in a directory. */
  public static String h2(Path dir) {
    return TestStores.h2(dir);
  }

  /** A connection to a store URI. */
  public static Connection connect(String uri) throws SQLException {
    return StoreArgs.connect(uri, Map.of());
  }

  /** Inserts a state. */
  public static void insert(String uri, String id, String body) throws SQLException {
    insertAll(uri, Map.of(id, body));
  }

  /** Inserts states over one connection. */
  public static void insertAll(String uri, Map<String, String> states) throws SQLException {
    try (Connection c = connect(uri)) {
      TestStores.insertAll(c, states);
    }
  }

  /** Every state id and body, in id order. */
  public static Map<String, String> all(String uri) throws SQLException {
    try (Connection c = connect(uri)) {
      return TestStores.all(c);
    }
  }

  /** A state document with one bookmark. */
  public static String doc(String bookmark) {
    return TestStores.doc(bookmark);
  }

  /** The bytes of a state.json in a file store directory. */
  public static byte[] fileBytes(Path dir, String id) throws java.io.IOException {
    return TestStores.fileBytes(dir, id);
  }

  /** Writes a state file directly, as Meltano would (no lock taken). */
  public static void writeStateFile(Path dir, String id, String body) throws java.io.IOException {
    Path d = dir.resolve(id);
    Files.createDirectories(d);
    Files.writeString(d.resolve("state.json"), body, StandardCharsets.UTF_8);
  }
}
