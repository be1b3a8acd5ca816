package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.StateDocuments;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Bad input is refused with its SQLState and writes nothing: after each refused statement the store
 * (as SQL shows it and, for local stores, every file) is exactly as before.
 */
public abstract class BadInputContract {
  private static final String GOOD = "{\"completed\": {\"ok\": 1}, \"partial\": {}}";

  /** A fresh store. */
  protected abstract StoreFixture store() throws Exception;

  /** Bodies that are not state documents: 22032. */
  static List<String> badBodies() {
    return List.of(
        "{not json",
        "{\"completed\": {}} trailing",
        "{\"completed\": {}}}",
        "",
        "   ",
        "[1, 2]",
        "\"text\"",
        "null",
        "{\"completed\": {}, \"other\": 1}",
        "{\"completed\": {}, \"completed\": {}}",
        "{\"completed\": {\"a\": 1,}}",
        // what Python's json.loads (Meltano) cannot read
        "{\"completed\": {\"v\": -INF}}",
        "{\"completed\": {\"v\": +INF}}",
        "{\"completed\": {\"v\": +Infinity}}",
        "{\"completed\": {\"v\": " + "9".repeat(4301) + "}}",
        "{\"completed\": {\"v\": " + "[".repeat(20_000) + "]".repeat(20_000) + "}}",
        "{\"completed\": " + "{\"a\": ".repeat(20_000) + "1" + "}".repeat(20_001),
        "{\"completed\": {\"v\": " + "[".repeat(20_000) + "}}",
        "{\"completed\": {\"v\": "
            + "[".repeat(StateDocuments.MAX_DEPTH)
            + "]".repeat(StateDocuments.MAX_DEPTH)
            + "}}",
        "{\"completed\": {\"v\": \"\\ud800\"}}",
        "{\"completed\": {\"v\": \"lone \ud800 surrogate\"}}",
        "{\"completed\": {\"\udc00\": 1}}");
  }

  /** Bodies at the edges of what Python's json.loads reads, as they are stored. */
  static Map<String, String> edgeBodies() {
    int deepest = StateDocuments.MAX_DEPTH - 2;
    String nested = "[".repeat(deepest) + "]".repeat(deepest);
    String digits = "9".repeat(4300);
    return Map.of(
        "{\"completed\":{\"v\":[NaN,Infinity,-Infinity]}}",
        "{\"completed\": {\"v\": [NaN, Infinity, -Infinity]}, \"partial\": {}}",
        "{\"completed\": {\"v\": -" + digits + "}}",
        "{\"completed\": {\"v\": -" + digits + "}, \"partial\": {}}",
        "{\"completed\": {\"v\": " + nested + "}}",
        "{\"completed\": {\"v\": " + nested + "}, \"partial\": {}}",
        "{\"completed\": {\"v\": \"\ud83d\ude00 \\ud83d\\ude00\"}}",
        "{\"completed\": {\"v\": \"\\ud83d\\ude00 \\ud83d\\ude00\"}, \"partial\": {}}");
  }

  private static String shorten(String s) {
    return s.length() <= 80 ? s : s.substring(0, 80) + "... (" + s.length() + " chars)";
  }

  /** State ids no store can hold: 22023. */
  static List<String> badIds() {
    return List.of("", "a\u0000b", "lone\ud800surrogate", "\udc00");
  }

  /**
   * State ids some stores can hold and others cannot: each is refused with 22023 (nothing written)
   * or held, listed and read like any other, never accepted and then hidden.
   */
  static List<String> storeDependentIds() {
    List<String> ids = new ArrayList<>();
    ids.add("   ");
    ids.add("\t");
    ids.add("a..b");
    ids.add("dev:tap-v1..v2-to-target");
    ids.add("team/dev:tap-x-to-y");
    ids.add("..");
    ids.add(".");
    ids.add("/etc/passwd");
    ids.add("/abs");
    ids.add("dir/sub");
    ids.add("a\\b");
    ids.add("C:\\Windows\\x");
    ids.add("bell\u0007");
    ids.add("line\nbreak");
    ids.add("del\u007f");
    ids.add("x".repeat(256));
    ids.add("\u00e9".repeat(128));
    return ids;
  }

  private static void insert(String url, String id, String body) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      if (id == null) {
        ps.setNull(1, Types.VARCHAR);
      } else {
        ps.setString(1, id);
      }
      if (body == null) {
        ps.setNull(2, Types.VARCHAR);
      } else {
        ps.setString(2, body);
      }
      ps.executeUpdate();
    }
  }

  private static void update(String url, String id, String body) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
      ps.setString(1, body);
      ps.setString(2, id);
      ps.executeUpdate();
    }
  }

  private interface Sql {
    void run() throws SQLException;
  }

  private static void refusedUnchanged(StoreFixture store, String sqlState, String what, Sql sql)
      throws SQLException {
    StoreSnapshot before = StoreSnapshot.of(store);
    SQLException e = assertThrows(SQLException.class, sql::run, what);
    assertEquals(sqlState, e.getSQLState(), what + ": " + e.getMessage());
    assertNotNull(e.getMessage(), what);
    assertEquals(before, StoreSnapshot.of(store), what + ": the store changed");
  }

  @Test
  void bodiesThatAreNotStateDocumentsAre22032() throws Exception {
    StoreFixture store = store();
    String url = store.url();
    insert(url, "s", GOOD);
    for (String body : badBodies()) {
      refusedUnchanged(store, "22032", "insert " + shorten(body), () -> insert(url, "t", body));
      refusedUnchanged(store, "22032", "update " + shorten(body), () -> update(url, "s", body));
    }
  }

  @Test
  void bodiesAtTheEdgesOfWhatPythonReadsAreStoredAsPythonWritesThem() throws Exception {
    StoreFixture store = store();
    int i = 0;
    for (Map.Entry<String, String> e : edgeBodies().entrySet()) {
      String id = "edge" + i++;
      insert(store.url(), id, e.getKey());
      try (Connection c = DriverManager.getConnection(store.url());
          PreparedStatement ps = c.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), id);
          assertEquals(e.getValue(), rs.getString(1), shorten(e.getKey()));
        }
      }
    }
  }

  @Test
  void nullsAre23502() throws Exception {
    StoreFixture store = store();
    insert(store.url(), "s", GOOD);
    refusedUnchanged(store, "23502", "null body", () -> insert(store.url(), "t", null));
    refusedUnchanged(store, "23502", "null id", () -> insert(store.url(), null, GOOD));
    refusedUnchanged(store, "23502", "update to null", () -> update(store.url(), "s", null));
  }

  @Test
  void bodyAboveMaxBodyBytesIs22023() throws Exception {
    StoreFixture store = store();
    String url = Urls.with(store.url(), "max_body_bytes", "1000");
    insert(url, "s", GOOD);
    String big = "{\"completed\": {\"pad\": \"" + "x".repeat(1000) + "\"}}";
    refusedUnchanged(store, "22023", "big insert", () -> insert(url, "t", big));
    refusedUnchanged(store, "22023", "big update", () -> update(url, "s", big));
    insert(url, "fits", "{\"completed\": {\"pad\": \"" + "x".repeat(900) + "\"}}");
  }

  @Test
  void badStateIdsAre22023() throws Exception {
    StoreFixture store = store();
    insert(store.url(), "s", GOOD);
    for (String id : badIds()) {
      refusedUnchanged(
          store,
          "22023",
          "id " + id.substring(0, Math.min(20, id.length())),
          () -> insert(store.url(), id, GOOD));
    }
  }

  @Test
  void idsSomeStoresCannotHoldAreRefusedOrHeldAndShown() throws Exception {
    StoreFixture store = store();
    insert(store.url(), "s", GOOD);
    for (String id : storeDependentIds()) {
      String what = "id " + id.substring(0, Math.min(20, id.length()));
      StoreSnapshot before = StoreSnapshot.of(store);
      try {
        insert(store.url(), id, GOOD);
      } catch (SQLException e) {
        assertEquals("22023", e.getSQLState(), what + ": " + e.getMessage());
        assertTrue(e.getMessage().contains("cannot hold it"), what + ": " + e.getMessage());
        assertEquals(before, StoreSnapshot.of(store), what + ": the store changed");
        continue;
      }
      try (Connection c = DriverManager.getConnection(store.url());
          PreparedStatement ps = c.prepareStatement("SELECT body FROM state WHERE state_id = ?");
          PreparedStatement like =
              c.prepareStatement("SELECT state_id FROM state WHERE state_id LIKE ? ESCAPE '!'")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next(), what + " is read by =");
          assertEquals(GOOD, rs.getString(1), what);
        }
        like.setString(1, id.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        try (ResultSet rs = like.executeQuery()) {
          assertTrue(rs.next(), what + " is listed by LIKE");
          assertEquals(id, rs.getString(1), what);
        }
      }
    }
  }

  @Test
  void longestIdIsAccepted() throws Exception {
    StoreFixture store = store();
    insert(store.url(), "x".repeat(255), GOOD);
    insert(store.url(), "\u00e9".repeat(127), GOOD);
    assertEquals(2, StoreSnapshot.of(store).states().size());
  }

  @Test
  void unknownSettingIsRefusedBeforeAnythingIsOpened() throws Exception {
    StoreFixture store = store();
    insert(store.url(), "s", GOOD);
    StoreSnapshot before = StoreSnapshot.of(store);
    for (Map.Entry<String, String> bad :
        Map.of(
                "lock_timout_seconds", "1",
                "lock_timeout_seconds", "soon",
                "max_body_bytes", "-1",
                "fallback_dirr", "/tmp")
            .entrySet()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> DriverManager.getConnection(Urls.with(store.url(), Map.ofEntries(bad))));
      assertEquals("08001", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains(bad.getKey()), e.getMessage());
    }
    assertEquals(before, StoreSnapshot.of(store));
  }
}
