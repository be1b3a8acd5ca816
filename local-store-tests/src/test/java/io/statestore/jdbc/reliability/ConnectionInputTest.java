package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad connection input and a failing environment: malformed URIs, paths smuggled through a URI or
 * an id, unknown and standard client properties, missing credentials, a read-only store and a store
 * that vanishes while a query reads it.
 */
class ConnectionInputTest {
  private static final String GOOD = "{\"completed\": {\"ok\": 1}, \"partial\": {}}";

  @TempDir Path dir;

  private static SQLException connectFails(String url) {
    return assertThrows(SQLException.class, () -> DriverManager.getConnection(url).close(), url);
  }

  @Test
  void malformedUrisAre08001() {
    for (String url :
        List.of(
            "jdbc:statestore:file:relative/dir",
            "jdbc:statestore:file://somehost/etc",
            "jdbc:statestore:file:",
            "jdbc:statestore:nosuchscheme:x",
            "jdbc:statestore:file:///tmp/x?lock_timeout_seconds=x%41")) {
      SQLException e = connectFails(url);
      assertEquals("08001", e.getSQLState(), url + ": " + e.getMessage());
    }
  }

  @Test
  void uriWithoutAValidSchemeOrWithAMalformedQueryIs08001() {
    for (String url :
        List.of(
            "jdbc:statestore:1bad:x",
            "jdbc:statestore::nothing",
            "jdbc:statestore:file:///tmp/x?%zz=1",
            "jdbc:statestore:file:///tmp/x?lock_timeout_seconds=%")) {
      SQLException e = connectFails(url);
      assertEquals("08001", e.getSQLState(), url + ": " + e.getMessage());
    }
  }

  @Test
  void misspelledSettingOnAnH2UrlIsRefusedInsteadOfOpeningAnotherDatabase() throws Exception {
    String url = "jdbc:statestore:systemdb:jdbc:h2:file:" + dir.resolve("db");
    try (Connection c = DriverManager.getConnection(url)) {
      assertTrue(c.isValid(5));
    }
    SQLException e = connectFails(url + "?lock_timout_seconds=1");
    assertEquals("08001", e.getSQLState(), e.getMessage());
    try (Stream<Path> files = Files.list(dir)) {
      assertEquals(
          List.of(),
          files.filter(p -> p.getFileName().toString().contains("?")).toList(),
          "no second database file");
    }
  }

  @Test
  void idsCannotReachOutsideTheStoreDirectory() throws Exception {
    Path root = dir.resolve("store");
    String url = "jdbc:statestore:file://" + root;
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      // URL-encoding is not decoded: the id is a plain name inside the store.
      ps.setString(1, "%2Fetc%2Fpasswd");
      ps.setString(2, GOOD);
      ps.executeUpdate();
      for (String id : List.of("../outside", "/etc/x", "..\\x", "~/x/../y")) {
        ps.setString(1, id);
        SQLException e = assertThrows(SQLException.class, ps::executeUpdate, id);
        assertEquals("22023", e.getSQLState(), id);
      }
    }
    assertTrue(Files.isRegularFile(root.resolve("%2Fetc%2Fpasswd").resolve("state.json")));
    try (Stream<Path> top = Files.list(dir)) {
      assertEquals(List.of(root), top.toList(), "nothing written beside the store");
    }
  }

  @Test
  void standardClientPropertiesAreAcceptedAndUnknownSettingsAreNot() throws Exception {
    String url = "jdbc:statestore:file://" + dir.resolve("store");
    Properties p = new Properties();
    p.setProperty("user", "someone");
    p.setProperty("password", "not-used-by-files");
    p.setProperty("ApplicationName", "DBeaver 25.1 - Main");
    p.setProperty("connectTimeout", "20");
    p.setProperty("loginTimeout", "5");
    p.setProperty("ssl", "false");
    p.setProperty("sslmode", "disable");
    p.setProperty("readonly", "false");
    p.setProperty("autocommit", "true");
    p.setProperty("defaultRowFetchSize", "100");
    try (Connection c = DriverManager.getConnection(url, p)) {
      assertTrue(c.isValid(5));
    }
    p.setProperty("lock_timout_seconds", "3");
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, p).close());
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("lock_timout_seconds"), e.getMessage());
  }

  @Test
  void missingOrWrongCredentialsAre28000WithoutTheSecret() throws Exception {
    Path db = dir.resolve("locked");
    String h2 = "jdbc:h2:file:" + db;
    try (Connection c = DriverManager.getConnection(h2, "owner", "Pa55-owner-only")) {
      assertTrue(c.isValid(5));
    }
    String url = "jdbc:statestore:systemdb:" + h2;
    SQLException missing = connectFails(url);
    assertEquals("28000", missing.getSQLState(), missing.getMessage());
    Properties wrong = new Properties();
    wrong.setProperty("systemdb.user", "owner");
    wrong.setProperty("systemdb.password", "Wr0ng-guess-xyz");
    SQLException denied =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url, wrong).close());
    assertEquals("28000", denied.getSQLState(), denied.getMessage());
    for (Throwable t = denied; t != null; t = t.getCause()) {
      assertFalse(String.valueOf(t.getMessage()).contains("Wr0ng-guess-xyz"), t.toString());
    }
    Properties right = new Properties();
    right.setProperty("user", "owner");
    right.setProperty("password", "Pa55-owner-only");
    try (Connection c = DriverManager.getConnection(url, right)) {
      assertTrue(c.isValid(5));
    }
  }

  @Test
  void readOnlyStoreDirectoryRefusesWritesWithNothingWritten() throws Exception {
    Path root = dir.resolve("store");
    String url = "jdbc:statestore:file://" + root + "?fallback_dir=" + dir.resolve("fallback");
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('s', '" + GOOD + "')");
    }
    Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("r-xr-xr-x"));
    Files.setPosixFilePermissions(root.resolve("s"), PosixFilePermissions.fromString("r-xr-xr-x"));
    try {
      // Permissions do not bind a privileged user; the fault-injection test covers that case.
      assumeFalse(Files.isWritable(root), "running with privileges that ignore permissions");
      Map<String, String> before = StoreSnapshot.files(root);
      try (Connection c = DriverManager.getConnection(url);
          Statement s = c.createStatement()) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    s.executeUpdate(
                        "UPDATE state SET body = '{\"completed\": {}}' WHERE state_id = 's'"));
        assertEquals("28000", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("saved to"), e.getMessage());
      }
      assertEquals(before, StoreSnapshot.files(root));
    } finally {
      Files.setPosixFilePermissions(
          root.resolve("s"), PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(root, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
  }

  @Test
  void storeVanishingMidQueryGivesCleanRowsOrADocumentedError() throws Exception {
    Path root = dir.resolve("store");
    String url = "jdbc:statestore:file://" + root + "?fallback_dir=" + dir.resolve("fallback");
    int n = 200;
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (int i = 0; i < n; i++) {
        ps.setString(1, String.format("v-%04d", i));
        ps.setString(2, "{\"completed\": {\"i\": " + i + "}, \"partial\": {}}");
        ps.addBatch();
      }
      ps.executeBatch();
    }
    Set<String> documented = Set.of("08006", "42704", "XX001");
    int rows = 0;
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
      assertTrue(rs.next());
      deleteTree(root);
      try {
        do {
          rows++;
          String id = rs.getString(1);
          String body = rs.getString(2);
          assertNotNull(body, id);
          int i = Integer.parseInt(id.substring(2));
          assertEquals("{\"completed\": {\"i\": " + i + "}, \"partial\": {}}", body);
        } while (rs.next());
      } catch (SQLException e) {
        assertTrue(documented.contains(e.getSQLState()), e.getSQLState() + " " + e.getMessage());
      }
      assertTrue(rows <= n);
      // The store is gone: reads and writes now fail cleanly (or read nothing).
      try (ResultSet again = s.executeQuery("SELECT COUNT(*) FROM state")) {
        assertTrue(again.next());
        assertEquals(0, again.getInt(1));
      } catch (SQLException e) {
        assertEquals("08006", e.getSQLState(), e.getMessage());
      }
      SQLException write =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "INSERT INTO state (state_id, body) VALUES ('w', '" + GOOD + "')"));
      assertNotEquals("XX000", write.getSQLState(), write.getMessage());
      assertTrue(
          documented.contains(write.getSQLState()), write.getSQLState() + " " + write.getMessage());
    }
    assertFalse(Files.exists(root), "the store directory is not silently re-created");
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
