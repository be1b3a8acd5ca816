package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * statestore setting names match in any letter case, standard client properties in any case are
 * still accepted, and only a misspelled statestore setting is refused.
 */
class SettingNameCaseTest {
  private static final String BIG = "{\"completed\": {\"n\": \"0123456789\"}, \"partial\": {}}";

  @TempDir Path dir;

  private String url() throws java.io.IOException {
    // an existing empty store: a directory that does not exist is refused by reads
    return "jdbc:statestore:file://" + java.nio.file.Files.createDirectories(dir.resolve("store"));
  }

  private static SQLException insertFails(Connection c) {
    return assertThrows(SQLException.class, () -> insert(c));
  }

  private static void insert(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      ps.setString(1, "dev:a");
      ps.setString(2, BIG);
      ps.executeUpdate();
    }
  }

  private void assertNothingStored(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getLong(1));
    }
  }

  @Test
  void upperCaseSettingAsAPropertyTakesEffect() throws Exception {
    Properties p = new Properties();
    p.setProperty("MAX_BODY_BYTES", "10");
    try (Connection c = DriverManager.getConnection(url(), p)) {
      SQLException e = insertFails(c);
      assertEquals("22023", e.getSQLState(), e.getMessage());
      assertNothingStored(c);
    }
  }

  @Test
  void mixedCaseSettingInTheUrlTakesEffect() throws Exception {
    try (Connection c = DriverManager.getConnection(url() + "?Max_Body_Bytes=10")) {
      SQLException e = insertFails(c);
      assertEquals("22023", e.getSQLState(), e.getMessage());
      assertNothingStored(c);
    }
  }

  @Test
  void misspelledUpperCaseSettingIsRefusedButClientPropertiesInAnyCaseAreNot() throws Exception {
    Properties p = new Properties();
    p.setProperty("USER", "someone");
    p.setProperty("Password", "not-used-by-files");
    p.setProperty("SSLMODE", "disable");
    p.setProperty("ApplicationName", "DBeaver");
    p.setProperty("connectTimeout", "20");
    try (Connection c = DriverManager.getConnection(url(), p)) {
      assertTrue(c.isValid(5));
    }
    p.setProperty("MAX_BODY_BYTE", "10");
    SQLException e =
        assertThrows(SQLException.class, () -> DriverManager.getConnection(url(), p).close());
    assertEquals("08001", e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains("MAX_BODY_BYTE"), e.getMessage());
    assertTrue(e.getMessage().contains("max_body_bytes"), e.getMessage());
    assertFalse(e.getMessage().contains("not-used-by-files"), e.getMessage());
  }
}
