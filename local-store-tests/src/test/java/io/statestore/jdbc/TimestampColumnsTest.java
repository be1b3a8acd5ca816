package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The time columns in this JVM's zone ({@link WallClockTimeZonesTest} runs the same checks in other
 * zones): TIMESTAMP without time zone, readable as {@code LocalDateTime}; and the {@code time_zone}
 * setting.
 */
public class TimestampColumnsTest {
  @Test
  public void updatedAtReadsTheSameThroughEveryGetter(@TempDir Path dir) throws Exception {
    WallClockTimes.writeState(dir, "dev:a");
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + dir.toUri())) {
      WallClockTimes.assertOneTime(
          c,
          "SELECT updated_at FROM state",
          WallClockTimes.local(WallClockTimes.MODIFIED, ZoneId.systemDefault()));
    }
  }

  @Test
  public void timeColumnsAreTimestampsWithoutTimeZone(@TempDir Path dir) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + dir.toUri())) {
      for (String[] column :
          new String[][] {
            {"state", "updated_at"}, {"locks", "locked_at"}, {"locks", "expires_at"}
          }) {
        try (ResultSet rs = c.getMetaData().getColumns(null, null, column[0], column[1])) {
          assertTrue(rs.next(), column[1]);
          assertEquals(Types.TIMESTAMP, rs.getInt("DATA_TYPE"), column[1]);
          assertEquals("TIMESTAMP", rs.getString("TYPE_NAME"), column[1]);
        }
      }
    }
  }

  @Test
  public void localDateTimeOfAColumnThatIsNoTimeIsASqlState(@TempDir Path dir) throws Exception {
    WallClockTimes.writeState(dir, "dev:a");
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + dir.toUri());
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM state")) {
      assertTrue(rs.next());
      SQLException e = assertThrows(SQLException.class, () -> rs.getObject(1, LocalDateTime.class));
      assertTrue(e.getSQLState() != null, e.toString());
    }
  }

  @Test
  public void anUnknownTimeZoneIsRefusedNamingTheSetting(@TempDir Path dir) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                DriverManager.getConnection(
                    "jdbc:statestore:" + dir.toUri() + "?time_zone=Mars/Base"));
    assertEquals("08001", e.getSQLState());
    assertTrue(e.getMessage().contains("'time_zone' must be a time zone id"), e.getMessage());
  }
}
