package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Authentication and read-only mode, as a client sees them. */
class PgServerSecurityTest {

  @Test
  void wrongPasswordAndUnknownUserAreRefusedAlike() throws Exception {
    try (ServerFixture f = new ServerFixture(false)) {
      SQLException wrong =
          assertThrows(SQLException.class, () -> f.connect(ServerFixture.USER, "wrong"));
      assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
      SQLException unknown = assertThrows(SQLException.class, () -> f.connect("nobody", "x"));
      assertEquals("28P01", unknown.getSQLState(), unknown.getMessage());
      assertFalse(wrong.getMessage().contains("wrong"), "no password in the message");
      try (Connection c = f.connect()) {
        assertTrue(c.isValid(5));
      }
      assertEquals(0, waitForNoClients(f), "no connection left after the failed logins");
    }
  }

  @Test
  void readOnlyServerRefusesWritesWith25006AndWritesNothing() throws Exception {
    try (ServerFixture f = new ServerFixture(true)) {
      try (Connection c = f.connect();
          Statement s = c.createStatement()) {
        SQLException insert =
            assertThrows(
                SQLException.class,
                () ->
                    s.executeUpdate(
                        "INSERT INTO state (state_id, body) VALUES ('ro:1', '"
                            + PgServerSqlTourTest.body("x")
                            + "')"));
        assertEquals("25006", insert.getSQLState(), insert.getMessage());
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
          ps.setString(1, "ro:1");
          SQLException delete = assertThrows(SQLException.class, ps::executeUpdate);
          assertEquals("25006", delete.getSQLState(), delete.getMessage());
        }
        try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
          assertTrue(rs.next());
          assertEquals(0, rs.getLong(1));
        }
      }
      try (Connection direct = f.engine();
          ResultSet rs = direct.createStatement().executeQuery("SELECT COUNT(*) FROM state")) {
        assertTrue(rs.next());
        assertEquals(0, rs.getLong(1), "nothing was written");
      }
    }
  }

  @Test
  void usersFileHoldsVerifiersNeverPasswords(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("users");
    ServerUsers.addUser(file, "bi", "pa55word".toCharArray());
    ServerUsers.addUser(file, "ops", "other".toCharArray());
    ServerUsers.addUser(file, "bi", "changed".toCharArray());
    String text = Files.readString(file);
    assertFalse(text.contains("pa55word") || text.contains("changed"), text);
    ServerUsers users = ServerUsers.load(file);
    assertEquals(2, users.names().size());
    ServerConfig config =
        new ServerConfig().setPort(0).setStoreUri("memory:users-" + dir.hashCode()).setUsers(users);
    try (PgServer server = PgServer.start(config)) {
      String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/statestore";
      try (Connection c = java.sql.DriverManager.getConnection(url, "bi", "changed")) {
        assertTrue(c.isValid(5));
      }
      SQLException old =
          assertThrows(
              SQLException.class,
              () -> java.sql.DriverManager.getConnection(url, "bi", "pa55word"));
      assertEquals("28P01", old.getSQLState());
    }
  }

  @Test
  void trustIsOnlyForLoopback() {
    ServerConfig config = new ServerConfig().setHost("0.0.0.0").setTrustLoopback(true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, config::validate);
    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
  }

  static int waitForNoClients(ServerFixture f) throws InterruptedException {
    for (int i = 0; i < 100 && f.server.activeConnections() > 0; i++) {
      Thread.sleep(50);
    }
    return f.server.activeConnections();
  }
}
