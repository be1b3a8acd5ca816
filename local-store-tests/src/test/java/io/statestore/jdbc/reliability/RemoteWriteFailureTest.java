package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.testkit.FaultyBackend;
import io.statestore.testkit.FaultyBackendProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A write the store fails to take (down, timed out, read-only, disk full) keeps the data, as
 * Terraform's errored state does: the body is saved to a file in {@code fallback_dir}, the error
 * has the failure's SQLState and names the file, the store is unchanged, and an UPDATE with the
 * file's content pushes it once the store is back. Runs on a real file store whose writes fail on
 * demand ({@link FaultyBackendProvider}).
 */
class RemoteWriteFailureTest {
  private static final Pattern SAVED = Pattern.compile("saved to (\\S+\\.json)");
  private static final String OLD = "{\"completed\": {\"n\": 1}, \"partial\": {}}";
  private static final String NEW = "{\"completed\": {\"n\": 2}, \"partial\": {\"p\": true}}";

  @TempDir Path dir;
  private String inner;
  private String url;
  private Path fallback;
  private FaultyBackend faults;

  @BeforeEach
  void setUp() throws SQLException {
    inner = "file://" + dir.resolve("store");
    fallback = dir.resolve("fallback");
    url =
        Urls.with(
            "jdbc:statestore:faulty:" + inner,
            Map.of("fallback_dir", fallback.toString(), "lock_retry_seconds", "0.01"));
    faults = FaultyBackendProvider.store(inner);
    faults.clear();
    exec("INSERT INTO state (state_id, body) VALUES ('s', '" + OLD + "')");
  }

  private int exec(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private String body(String id) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM state WHERE state_id = '" + id + "'")) {
      return rs.next() ? rs.getString(1) : null;
    }
  }

  private static Path savedFile(SQLException e) {
    Matcher m = SAVED.matcher(e.getMessage());
    assertTrue(m.find(), e.getMessage());
    return Path.of(m.group(1));
  }

  private long fallbackFiles() throws Exception {
    if (!Files.isDirectory(fallback)) {
      return 0;
    }
    try (Stream<Path> files = Files.list(fallback)) {
      return files.count();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "UNAVAILABLE, connection reset by peer, 08006",
    "UNAVAILABLE, No space left on device, 08006",
    "TIMEOUT, request timed out after 3 retries, HYT00",
    "DENIED, Read-only file system, 28000",
  })
  void failedUpdateKeepsTheBodyInAFallbackFile(ErrorKind kind, String reason, String sqlState)
      throws Exception {
    Map<String, String> before = StoreSnapshot.files(dir.resolve("store"));
    faults.failWrites(ObjectKind.STATE, kind, reason);
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> exec("UPDATE state SET body = '" + NEW + "' WHERE state_id = 's'"));
    assertEquals(sqlState, e.getSQLState(), e.getMessage());
    assertTrue(e.getMessage().contains(reason), e.getMessage());
    Path file = savedFile(e);
    assertTrue(file.startsWith(fallback), file.toString());
    assertEquals(NEW, Files.readString(file, StandardCharsets.UTF_8));
    assertEquals(before, StoreSnapshot.files(dir.resolve("store")), "the store is unchanged");
    assertEquals(OLD, body("s"));

    // Pushed later with a plain UPDATE once the store is back.
    faults.clear();
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("UPDATE state SET body = ? WHERE state_id = 's'")) {
      ps.setString(1, Files.readString(file, StandardCharsets.UTF_8));
      assertEquals(1, ps.executeUpdate());
    }
    assertEquals(NEW, body("s"));
  }

  @Test
  void failedInsertAndMergeKeepTheirBodies() throws Exception {
    faults.failWrites(ObjectKind.STATE, ErrorKind.UNAVAILABLE, "store unreachable");
    SQLException insert =
        assertThrows(
            SQLException.class,
            () -> exec("INSERT INTO state (state_id, body) VALUES ('t', '" + NEW + "')"));
    assertEquals(NEW, Files.readString(savedFile(insert)));
    SQLException merge =
        assertThrows(
            SQLException.class,
            () ->
                exec(
                    "MERGE INTO state t USING (VALUES ('s', '"
                        + NEW
                        + "')) AS x(id, b) ON t.state_id = x.id"
                        + " WHEN MATCHED THEN UPDATE SET body = x.b"
                        + " WHEN NOT MATCHED THEN INSERT (state_id, body) VALUES (x.id, x.b)"));
    assertEquals("08006", merge.getSQLState());
    assertEquals(NEW, Files.readString(savedFile(merge)));
    faults.clear();
    assertEquals(null, body("t"));
    assertEquals(OLD, body("s"));
  }

  @Test
  void storeDownBeforeTheLockIsTakenStillKeepsTheBody() throws Exception {
    faults.failWrites(ObjectKind.LOCK, ErrorKind.UNAVAILABLE, "connection refused");
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> exec("UPDATE state SET body = '" + NEW + "' WHERE state_id = 's'"));
    assertEquals("08006", e.getSQLState());
    assertEquals(NEW, Files.readString(savedFile(e)));
    faults.clear();
    assertEquals(OLD, body("s"));
  }

  @Test
  void conflictsAndBadInputSaveNothing() throws Exception {
    faults.failWrites(ObjectKind.STATE, ErrorKind.CONFLICT, "changed meanwhile");
    SQLException conflict =
        assertThrows(
            SQLException.class,
            () -> exec("UPDATE state SET body = '" + NEW + "' WHERE state_id = 's'"));
    assertEquals("40001", conflict.getSQLState());
    assertFalse(conflict.getMessage().contains("saved to"), conflict.getMessage());
    faults.failWrites(ObjectKind.STATE, ErrorKind.UNAVAILABLE, "down");
    SQLException bad =
        assertThrows(
            SQLException.class,
            () -> exec("UPDATE state SET body = '{not json' WHERE state_id = 's'"));
    assertEquals("22032", bad.getSQLState());
    assertEquals(0, fallbackFiles());
  }

  @Test
  void fallbackCanBeTurnedOff() throws Exception {
    url = Urls.with("jdbc:statestore:faulty:" + inner, Map.of("fallback_dir", "off"));
    faults.failWrites(ObjectKind.STATE, ErrorKind.UNAVAILABLE, "down");
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> exec("UPDATE state SET body = '" + NEW + "' WHERE state_id = 's'"));
    assertEquals("08006", e.getSQLState());
    assertFalse(e.getMessage().contains("saved to"), e.getMessage());
    assertEquals(0, fallbackFiles());
  }
}
