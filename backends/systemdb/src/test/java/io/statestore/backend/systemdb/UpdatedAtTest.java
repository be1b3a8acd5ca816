package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/** Reading {@code updated_at} values in the shapes SQLite databases hold. */
class UpdatedAtTest {
  private static final ZoneId ZONE = ZoneId.of("America/New_York");

  private static Instant read(Object value) throws Exception {
    UpdatedAt updatedAt = new UpdatedAt(Dialect.SQLITE, Clock.system(ZONE));
    try (Connection c = DriverManager.getConnection("jdbc:sqlite::memory:");
        PreparedStatement ps = c.prepareStatement("SELECT ?")) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return updatedAt.read(rs, 1);
      }
    }
  }

  @Test
  void naiveTextIsLocalTimeInTheStoresZone() throws Exception {
    assertEquals(Instant.parse("2024-01-31T17:34:56.123456Z"), read("2024-01-31 12:34:56.123456"));
    assertEquals(Instant.parse("2024-07-01T16:00:00Z"), read("2024-07-01 12:00:00"));
    assertEquals(Instant.parse("2024-07-01T16:00:00Z"), read("2024-07-01T12:00"));
  }

  @Test
  void textWithAnOffsetAndNumbersAreAbsolute() throws Exception {
    assertEquals(Instant.parse("2024-01-31T12:34:56Z"), read("2024-01-31T12:34:56Z"));
    assertEquals(Instant.parse("2024-01-31T10:34:56Z"), read("2024-01-31 12:34:56+02:00"));
    assertEquals(Instant.ofEpochMilli(1_700_000_000_123L), read(1_700_000_000_123L));
  }

  @Test
  void nullAndUnreadableValuesAreUnknown() throws Exception {
    assertNull(read(null));
    assertNull(read("yesterday"));
  }
}
