package io.statestore.examples.kvtable;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The driver finds the backend by its scheme, with no change to the driver. */
class KvTableThroughDriverTest {
  private static final String URL = "jdbc:statestore:kvtable:jdbc:h2:mem:driver;DB_CLOSE_DELAY=-1";
  private static final String SECRET = "kv-Secret-4711";

  private static Properties login() {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", SECRET);
    return p;
  }

  @Test
  void sqlWorksOnTheCustomBackend() throws SQLException {
    try (Connection c = DriverManager.getConnection(URL, login())) {
      try (PreparedStatement ps =
          c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
        for (String id : new String[] {"dev:tap-a-to-target-b", "prod:tap-a-to-target-b"}) {
          ps.setString(1, id);
          ps.setString(2, "{\"completed\": {\"singer_state\": {\"n\": 1}}, \"partial\": {}}");
          ps.addBatch();
        }
        assertEquals(2, Arrays.stream(ps.executeBatch()).sum());
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT state_id, JSON_VALUE(body, '$.completed.singer_state.n') FROM state"
                      + " WHERE state_id LIKE 'dev:%'")) {
        assertTrue(rs.next());
        assertEquals("dev:tap-a-to-target-b", rs.getString(1));
        assertEquals("1", rs.getString(2));
        assertFalse(rs.next());
      }
      assertFalse(c.getMetaData().getURL().contains(SECRET));
    }
  }

  @Test
  void settingsAreListedAndThePasswordIsNeverShown() throws SQLException {
    Driver driver = DriverManager.getDriver(URL);
    DriverPropertyInfo[] info = driver.getPropertyInfo(URL, login());
    assertTrue(Arrays.stream(info).anyMatch(i -> i.name.equals("kvtable.table")));
    for (DriverPropertyInfo i : info) {
      assertFalse(SECRET.equals(i.value), i.name + " shows the password");
    }
  }

  @Test
  void aMisspelledSettingIsNamed() {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> DriverManager.getConnection(URL + "?kvtable.tabel=x", login()));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("kvtable.tabel"), e.getMessage());
  }
}
