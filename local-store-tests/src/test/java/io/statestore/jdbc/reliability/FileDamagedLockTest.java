package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Lock files whose content is not a sane epoch-seconds value (empty, garbage, out of range) are
 * aged by the file's modification time: listed, taken over when stale and removable.
 */
class FileDamagedLockTest {
  private static final String BODY = "{\"completed\": {\"a\": 1}, \"partial\": {}}";
  private static final String NEXT = "{\"completed\": {\"a\": 2}, \"partial\": {}}";

  @TempDir Path dir;

  private String url() {
    return Urls.with(
        LocalStores.file(dir).url(),
        Map.of("lock_timeout_seconds", "60", "lock_wait_seconds", "0.3"));
  }

  private Path lockFile(String id) {
    return dir.resolve("store").resolve(id).resolve("lock");
  }

  private void damageLock(String id, String content, Instant modified) throws Exception {
    Path lock = lockFile(id);
    Files.writeString(lock, content, StandardCharsets.US_ASCII);
    Files.setLastModifiedTime(lock, FileTime.from(modified));
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999", "-99999999999999999", "", "garbage", "1e400", "NaN"})
  void staleDamagedLockIsListedTakenOverAndRemovable(String content) throws Exception {
    Instant old = Instant.now().minus(2, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('pipe', '" + BODY + "')");
      damageLock("pipe", content, old);

      try (ResultSet rs = s.executeQuery("SELECT state_id, locked_at FROM locks")) {
        assertTrue(rs.next());
        assertEquals("pipe", rs.getString(1));
        assertEquals(old, rs.getTimestamp(2).toInstant());
        assertFalse(rs.next());
      }
      assertEquals(
          1, s.executeUpdate("UPDATE state SET body = '" + NEXT + "' WHERE state_id = 'pipe'"));
      assertFalse(Files.exists(lockFile("pipe")), "the taken-over lock is released");

      damageLock("pipe", content, old);
      assertEquals(1, s.executeUpdate("DELETE FROM locks WHERE state_id = 'pipe'"));
      assertFalse(Files.exists(lockFile("pipe")));
      try (ResultSet rs = s.executeQuery("SELECT body FROM state WHERE state_id = 'pipe'")) {
        assertTrue(rs.next());
        assertEquals(NEXT, rs.getString(1));
      }
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"99999999999999999", "garbage"})
  void freshDamagedLockIsRespected(String content) throws Exception {
    try (Connection c = DriverManager.getConnection(url());
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('pipe', '" + BODY + "')");
      damageLock("pipe", content, Instant.now());
      java.sql.SQLException e =
          org.junit.jupiter.api.Assertions.assertThrows(
              java.sql.SQLException.class,
              () ->
                  s.executeUpdate(
                      "UPDATE state SET body = '" + NEXT + "' WHERE state_id = 'pipe'"));
      assertEquals("HYT00", e.getSQLState(), e.getMessage());
    }
  }
}
