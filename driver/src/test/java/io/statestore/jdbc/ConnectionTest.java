package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Connecting: URLs, settings, errors, property info, secrets, attached stores, timeouts. */
class ConnectionTest {
  private static String fresh(String scheme) {
    return "jdbc:statestore:" + scheme + ":conn-" + UUID.randomUUID();
  }

  @Test
  void driverIsFoundThroughDriverManager() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:statestore:memory:x");
    assertTrue(d instanceof StatestoreDriver);
    assertTrue(d.acceptsURL("jdbc:statestore:file:///tmp/x"));
    assertFalse(d.acceptsURL("jdbc:h2:mem:x"));
    assertNull(d.connect("jdbc:other:x", new Properties()));
  }

  @Test
  void unknownSettingIs08001NamingItAndListingValidOnes() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:statestore:memory:x?lock_timeout_secnds=5"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("lock_timeout_secnds"), e.getMessage());
    assertTrue(e.getMessage().contains("lock_timeout_seconds"), e.getMessage());
    Properties p = new Properties();
    p.setProperty("max_body_bites", "1");
    e =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection("jdbc:statestore:memory:x", p));
    assertTrue(e.getMessage().contains("max_body_bites"), e.getMessage());
  }

  @Test
  void badValueAndUnknownSchemeAreClear() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection("jdbc:statestore:memory:x?lock_retry_seconds=soon"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("lock_retry_seconds"), e.getMessage());
    e =
        assertThrows(
            SQLException.class, () -> DriverManager.getConnection("jdbc:statestore:ftp://x/y"));
    assertEquals("08001", e.getSQLState());
    assertTrue(
        e.getMessage().contains("'ftp'") && e.getMessage().contains("memory"), e.getMessage());
  }

  @Test
  void standardClientPropertiesAreAccepted() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "someone");
    p.setProperty("password", "pw");
    p.setProperty("ApplicationName", "DBeaver 24");
    p.setProperty("connectTimeout", "10");
    try (Connection c = DriverManager.getConnection(fresh("memory"), p)) {
      assertTrue(c.isValid(1) || !c.isClosed());
    }
  }

  @Test
  void settingsFromPropertiesAndQueryApply() throws Exception {
    String name = "settings-" + UUID.randomUUID();
    Properties p = new Properties();
    p.setProperty("lock_timeout_seconds", "30");
    try (Connection c =
        DriverManager.getConnection("jdbc:statestore:memory:" + name + "?max_body_bytes=64", p)) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  c.createStatement()
                      .executeUpdate(
                          "INSERT INTO state (state_id, body) VALUES ('big', '{\"completed\": {\"x\": \""
                              + "y".repeat(100)
                              + "\"}}')"));
      assertEquals("22023", e.getSQLState());
      assertTrue(e.getMessage().contains("max_body_bytes"), e.getMessage());
    }
  }

  @Test
  void propertyInfoListsBackendSettingsWithoutSecrets() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:statestore:");
    Properties p = new Properties();
    p.setProperty("counting.token", "s3cr3t-value");
    DriverPropertyInfo[] info = d.getPropertyInfo("jdbc:statestore:counting:memory:x", p);
    Map<String, DriverPropertyInfo> byName =
        Arrays.stream(info).collect(Collectors.toMap(i -> i.name, i -> i));
    assertTrue(
        byName
            .keySet()
            .containsAll(
                java.util.List.of("lock_timeout_seconds", "lock_retry_seconds", "counting.token")),
        byName.keySet().toString());
    assertEquals("10", byName.get("lock_timeout_seconds").value);
    assertEquals("1", byName.get("lock_retry_seconds").value);
    assertNull(byName.get("counting.token").value, "a secret's value is never returned");
    assertTrue(byName.get("counting.token").description.contains("Sensitive"));
    for (DriverPropertyInfo i : info) {
      assertFalse(String.valueOf(i.value).contains("s3cr3t"), i.name);
      assertNotNull(i.description, i.name);
    }
  }

  @Test
  void secretsNeverAppearInUrlOrMessages() throws SQLException {
    String secret = "hunter2-" + UUID.randomUUID();
    String url = "jdbc:statestore:counting:memory://user:" + secret + "@host/x";
    try (Connection c = DriverManager.getConnection(url)) {
      String shown = c.getMetaData().getURL();
      assertFalse(shown.contains(secret), shown);
      assertTrue(shown.contains("***"), shown);
      assertFalse(c.toString().contains(secret));
    }
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:statestore:counting:memory://u:" + secret + "@h/x?bogus_setting=1"));
    assertFalse(e.getMessage().contains(secret), e.getMessage());
  }

  @Test
  void attachedStoreMigratesInOneStatement() throws SQLException {
    String src = "memory:src-" + UUID.randomUUID();
    String dst = "memory:dst-" + UUID.randomUUID();
    Properties p = new Properties();
    p.setProperty("attach.dst", dst);
    p.setProperty("attach.dst.lock_timeout_seconds", "20");
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + src, p);
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('dev:a', '{}'), ('dev:b', '{}'),"
              + " ('prod:c', '{}')");
      assertEquals(
          2,
          s.executeUpdate("INSERT INTO dst.state SELECT * FROM state WHERE state_id LIKE 'dev:%'"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM dst.state")) {
        rs.next();
        assertEquals(2, rs.getInt(1));
      }
      try (ResultSet rs = c.getMetaData().getPrimaryKeys(null, "dst", "state")) {
        assertTrue(rs.next());
      }
    }
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + dst);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id FROM state ORDER BY 1")) {
      assertTrue(rs.next());
      assertEquals("dev:a", rs.getString(1));
    }
  }

  @Test
  void queryTimeoutEndsTheWaitForALock() throws Exception {
    try (Connection c =
        TestConnections.withStateLockedByAnother(TestConnections.freshName("timeout-"))) {
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
        ps.setQueryTimeout(1);
        ps.setString(1, "{\"completed\": {\"x\": 1}}");
        ps.setString(2, "t");
        long t0 = System.nanoTime();
        SQLException e = assertThrows(SQLException.class, ps::executeUpdate);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertTrue(
            "HYT00".equals(e.getSQLState()) || "57014".equals(e.getSQLState()),
            e.getSQLState() + " " + e.getMessage());
        assertTrue(ms < 10_000, "gave up after about a second, took " + ms);
      }
      try (ResultSet rs = c.createStatement().executeQuery("SELECT body FROM state")) {
        rs.next();
        assertEquals("{\"completed\": {}, \"partial\": {}}", rs.getString(1), "nothing written");
      }
    }
  }

  @Test
  void cancelEndsTheWaitForALock() throws Exception {
    try (Connection c =
        TestConnections.withStateLockedByAnother(TestConnections.freshName("cancel-"))) {
      Statement s = c.createStatement();
      CompletableFuture<SQLException> result =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  s.executeUpdate("DELETE FROM state WHERE state_id = 't'");
                  return null;
                } catch (SQLException e) {
                  return e;
                }
              });
      Thread.sleep(500);
      s.cancel();
      SQLException e = result.get(10, TimeUnit.SECONDS);
      assertNotNull(e, "the statement failed");
      assertEquals("57014", e.getSQLState(), e.getMessage());
    }
  }
}
