package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Symbolic links in a file store are not states: never listed or read, and never written, replaced
 * or deleted through (writes refuse them with XX001 naming the link); what they point to is left
 * exactly as it was.
 */
class FileSymlinkTest {
  private static final String GOOD = "{\"completed\": {\"a\": 1}, \"partial\": {}}";
  private static final String OUTSIDE = "{\"completed\": {\"outside\": 1}, \"partial\": {}}";
  private static final String NEXT = "{\"completed\": {\"next\": 1}, \"partial\": {}}";

  @TempDir Path dir;
  private Path store;
  private Path elsewhere;
  private String url;

  @BeforeEach
  void storeWithLinks() throws Exception {
    store = dir.resolve("store");
    elsewhere = Files.createDirectories(dir.resolve("elsewhere/pipe"));
    Files.writeString(elsewhere.resolve("state.json"), OUTSIDE);
    url = LocalStores.file(dir).url();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('a', '" + GOOD + "')");
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('c', '" + GOOD + "')");
    }
    Files.createSymbolicLink(store.resolve("pipe"), elsewhere);
    Files.createDirectories(store.resolve("b"));
    Files.createSymbolicLink(store.resolve("b/state.json"), elsewhere.resolve("state.json"));
    Files.createSymbolicLink(store.resolve("c/lock"), elsewhere.resolve("lock-target"));
  }

  private void assertOutsideUntouched() throws Exception {
    assertTrue(Files.isSymbolicLink(store.resolve("pipe")), "the directory link is kept");
    assertTrue(Files.isSymbolicLink(store.resolve("b/state.json")), "the state.json link is kept");
    assertTrue(Files.isSymbolicLink(store.resolve("c/lock")), "the lock link is kept");
    assertEquals(OUTSIDE, Files.readString(elsewhere.resolve("state.json")));
    try (var names = Files.list(elsewhere)) {
      assertEquals(List.of(elsewhere.resolve("state.json")), names.toList());
    }
  }

  private static List<String> ids(Statement s, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  @Test
  void linksAreNeitherListedNorRead() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertEquals(List.of("a", "c"), ids(s, "SELECT state_id FROM state ORDER BY state_id"));
      assertEquals(List.of("a", "c"), ids(s, "SELECT state_id, body FROM state ORDER BY state_id"));
      assertEquals(List.of(), ids(s, "SELECT body FROM state WHERE state_id IN ('pipe', 'b')"));
      assertEquals(List.of(), ids(s, "SELECT state_id FROM locks"));
    }
    assertOutsideUntouched();
  }

  @Test
  void updatesAndDeletesFindNoStateBehindALink() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      assertEquals(
          0, s.executeUpdate("UPDATE state SET body = '" + NEXT + "' WHERE state_id = 'pipe'"));
      assertEquals(
          0, s.executeUpdate("UPDATE state SET body = '" + NEXT + "' WHERE state_id = 'b'"));
      assertEquals(0, s.executeUpdate("DELETE FROM state WHERE state_id IN ('pipe', 'b')"));
      assertEquals(List.of("a", "c"), ids(s, "SELECT state_id FROM state ORDER BY state_id"));
    }
    assertOutsideUntouched();
  }

  @Test
  void writesThroughALinkAreRefusedNamingIt() throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      for (String id : List.of("pipe", "b")) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    s.executeUpdate(
                        "INSERT INTO state (state_id, body) VALUES ('"
                            + id
                            + "', '"
                            + NEXT
                            + "')"));
        assertEquals("XX001", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("symbolic link"), e.getMessage());
        assertTrue(e.getMessage().contains(store.resolve(id).toString()), e.getMessage());
      }
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("UPDATE state SET body = '" + NEXT + "' WHERE state_id = 'c'"));
      assertEquals("XX001", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains(store.resolve("c/lock").toString()), e.getMessage());
      assertEquals(
          0, s.executeUpdate("DELETE FROM locks WHERE state_id = 'c'"), "a linked lock is no lock");
      assertEquals(GOOD, Files.readString(store.resolve("c/state.json")));
      assertFalse(Files.exists(store.resolve("b/lock")), "the lock taken for 'b' was released");
    }
    assertOutsideUntouched();
  }
}
