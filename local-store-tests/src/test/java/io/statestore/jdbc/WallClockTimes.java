package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.testkit.MeltanoSqlite;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The time checks {@link WallClockTimeZonesTest} runs in JVMs of other time zones: {@code
 * updated_at} and {@code locked_at} are wall-clock times without zone, the same through {@code
 * getTimestamp}, {@code getString}, {@code getObject} and {@code getObject(..., LocalDateTime)}.
 * Prints {@code PASS <check>} or {@code FAIL <check>: <message>} per check, then {@code DONE}.
 *
 * <p>Arguments: a fresh, empty working directory.
 */
public final class WallClockTimes {
  /** A file's modification time, as an instant. */
  static final Instant MODIFIED = Instant.parse("2024-08-07T01:12:55.250Z");

  /** A lock's content as Meltano writes it, and the instant it stands for. */
  static final String LOCK_CONTENT = "1723058800.5";

  static final Instant LOCKED = Instant.ofEpochSecond(1723058800, 500_000_000);

  /** A naive {@code updated_at} as Meltano stores it (its machine's local time). */
  static final LocalDateTime STORED = LocalDateTime.of(2024, 8, 7, 6, 44, 3, 123_456_000);

  static final String BODY =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {}}}, \"partial\": {}}";

  private static final DateTimeFormatter SQLALCHEMY_SQLITE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private WallClockTimes() {}

  /** Runs every check and reports each on its own line. */
  public static void main(String[] args) throws Exception {
    Path work = Path.of(args[0]);
    List<String> results = new ArrayList<>();
    run(results, "fileUpdatedAt", () -> fileUpdatedAt(work.resolve("file")));
    run(results, "fileLockedAt", () -> fileLockedAt(work.resolve("locks")));
    run(results, "fileTimeZoneSetting", () -> fileTimeZoneSetting(work.resolve("file")));
    run(results, "h2StoredValue", () -> h2StoredValue(work.resolve("h2")));
    run(results, "h2Writes", () -> h2Writes(work.resolve("h2w")));
    run(results, "sqliteStoredValue", () -> sqliteStoredValue(work.resolve("sqlite")));
    run(results, "sqliteWrites", () -> sqliteWrites(work.resolve("sqlitew")));
    results.forEach(System.out::println);
    System.out.println("DONE");
  }

  private interface Check {
    void run() throws Exception;
  }

  private static void run(List<String> results, String name, Check check) {
    try {
      check.run();
      results.add("PASS " + name);
    } catch (Throwable e) {
      results.add("FAIL " + name + ": " + e);
    }
  }

  /** The wall-clock time an instant shows in the JVM's zone, at the column's millisecond. */
  static LocalDateTime local(Instant at, ZoneId zone) {
    return LocalDateTime.ofInstant(at, zone).truncatedTo(ChronoUnit.MILLIS);
  }

  private static void fileUpdatedAt(Path dir) throws Exception {
    writeState(dir, "dev:a");
    LocalDateTime expected = local(MODIFIED, ZoneId.systemDefault());
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + dir.toUri())) {
      for (String sql :
          List.of(
              "SELECT updated_at FROM state",
              "SELECT updated_at, body FROM state",
              "SELECT updated_at FROM state WHERE state_id = 'dev:a'",
              "SELECT updated_at FROM state WHERE updated_at = TIMESTAMP '"
                  + expected.toString().replace('T', ' ')
                  + "'")) {
        assertOneTime(c, sql, expected);
      }
    }
  }

  private static void fileLockedAt(Path dir) throws Exception {
    Files.createDirectories(dir.resolve("dev:a"));
    Files.writeString(dir.resolve("dev:a").resolve("lock"), LOCK_CONTENT);
    ZoneId zone = ZoneId.systemDefault();
    try (Connection c = DriverManager.getConnection("jdbc:statestore:" + dir.toUri())) {
      assertOneTime(c, "SELECT locked_at FROM locks", local(LOCKED, zone));
      assertOneTime(
          c, "SELECT expires_at FROM locks", local(LOCKED.plus(Duration.ofSeconds(10)), zone));
      assertOneTime(c, "SELECT locked_at FROM locks WHERE state_id = 'dev:a'", local(LOCKED, zone));
    }
  }

  private static void fileTimeZoneSetting(Path dir) throws Exception {
    for (String zone : List.of("UTC", "Asia/Tokyo")) {
      try (Connection c =
          DriverManager.getConnection("jdbc:statestore:" + dir.toUri() + "?time_zone=" + zone)) {
        assertOneTime(c, "SELECT updated_at FROM state", local(MODIFIED, ZoneId.of(zone)));
      }
    }
  }

  private static void h2StoredValue(Path dir) throws Exception {
    String h2 = "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
    try (Connection c = DriverManager.getConnection("jdbc:statestore:systemdb:" + h2);
        Statement s = c.createStatement()) {
      // The first write creates Meltano's table; the state itself is not needed.
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('dev:setup', '" + BODY + "')");
      s.executeUpdate("DELETE FROM state WHERE state_id = 'dev:setup'");
    }
    try (Connection raw = DriverManager.getConnection(h2);
        PreparedStatement ps =
            raw.prepareStatement(
                "INSERT INTO state (state_id, completed_state, partial_state, updated_at)"
                    + " VALUES (?, '{}', '{}', ?)")) {
      ps.setString(1, "dev:a");
      ps.setObject(2, STORED);
      ps.executeUpdate();
      ps.setString(1, "dev:null");
      ps.setObject(2, null);
      ps.executeUpdate();
    }
    assertStoredValueReads("jdbc:statestore:systemdb:" + h2);
  }

  private static void sqliteStoredValue(Path dir) throws Exception {
    String sqlite = createMeltanoSqlite(dir);
    try (Connection raw = DriverManager.getConnection(sqlite);
        PreparedStatement ps =
            raw.prepareStatement(
                "INSERT INTO state (state_id, updated_at, partial_state, completed_state)"
                    + " VALUES (?, ?, NULL, '{}')")) {
      ps.setString(1, "dev:a");
      ps.setString(2, SQLALCHEMY_SQLITE.format(STORED));
      ps.executeUpdate();
      ps.setString(1, "dev:null");
      ps.setString(2, null);
      ps.executeUpdate();
    }
    assertStoredValueReads("jdbc:statestore:systemdb:" + sqlite);
  }

  /** A value stored without zone reads exactly as stored, whatever the zone. */
  private static void assertStoredValueReads(String url) throws Exception {
    LocalDateTime expected = STORED.truncatedTo(ChronoUnit.MILLIS);
    for (String zone : List.of("", "?time_zone=UTC", "?time_zone=America/Los_Angeles")) {
      try (Connection c = DriverManager.getConnection(url + zone)) {
        assertOneTime(c, "SELECT updated_at FROM state WHERE state_id = 'dev:a'", expected);
        assertOneTime(
            c, "SELECT updated_at, body FROM state WHERE state_id <> 'dev:null'", expected);
        assertOneTime(c, "SELECT updated_at FROM state WHERE state_id LIKE 'dev:a%'", expected);
        try (Statement s = c.createStatement();
            ResultSet rs =
                s.executeQuery("SELECT updated_at FROM state WHERE state_id = 'dev:null'")) {
          assertTrue(rs.next());
          assertNull(rs.getTimestamp(1));
          assertNull(rs.getString(1));
          assertNull(rs.getObject(1, LocalDateTime.class));
        }
      }
    }
  }

  private static void h2Writes(Path dir) throws Exception {
    String h2 = "jdbc:h2:" + dir.resolve("db").toAbsolutePath();
    assertWritesLocalTime("jdbc:statestore:systemdb:" + h2, h2);
  }

  private static void sqliteWrites(Path dir) throws Exception {
    String sqlite = createMeltanoSqlite(dir);
    assertWritesLocalTime("jdbc:statestore:systemdb:" + sqlite, sqlite);
  }

  /** A write stores the JVM zone's wall-clock time, as Meltano's datetime.now(), and reads it. */
  private static void assertWritesLocalTime(String url, String raw) throws Exception {
    LocalDateTime before = LocalDateTime.now().truncatedTo(ChronoUnit.SECONDS);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('dev:w', '" + BODY + "')");
      s.executeUpdate("UPDATE state SET body = '{\"completed\": {}}' WHERE state_id = 'dev:w'");
    }
    LocalDateTime after = LocalDateTime.now().plusSeconds(1);
    LocalDateTime stored;
    try (Connection c = DriverManager.getConnection(raw);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT updated_at FROM state WHERE state_id = 'dev:w'")) {
      assertTrue(rs.next());
      Object value = rs.getObject(1);
      stored =
          value instanceof String text
              ? LocalDateTime.parse(text, SQLALCHEMY_SQLITE)
              : rs.getObject(1, LocalDateTime.class);
    }
    assertTrue(
        !stored.isBefore(before) && stored.isBefore(after),
        "stored updated_at "
            + stored
            + " is not the local time between "
            + before
            + " and "
            + after);
    try (Connection c = DriverManager.getConnection(url)) {
      assertOneTime(
          c,
          "SELECT updated_at FROM state WHERE state_id = 'dev:w'",
          stored.truncatedTo(ChronoUnit.MILLIS));
    }
  }

  private static String createMeltanoSqlite(Path dir) throws SQLException, java.io.IOException {
    Files.createDirectories(dir);
    String url = "jdbc:sqlite:" + dir.resolve("meltano.db").toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url)) {
      MeltanoSqlite.createMigratedTables(c);
    }
    return url;
  }

  static void writeState(Path dir, String id) throws Exception {
    Path file = dir.resolve(id).resolve("state.json");
    Files.createDirectories(file.getParent());
    Files.write(file, BODY.getBytes(StandardCharsets.UTF_8));
    Files.setLastModifiedTime(file, FileTime.from(MODIFIED));
  }

  /** The query gives one row whose first column reads as {@code expected} every way. */
  static void assertOneTime(Connection c, String sql, LocalDateTime expected) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), "no row from " + sql);
      String column = rs.getMetaData().getColumnLabel(1);
      assertEquals(expected, rs.getTimestamp(1).toLocalDateTime(), "getTimestamp, " + sql);
      assertEquals(Timestamp.valueOf(expected), rs.getTimestamp(column), "getTimestamp(name)");
      assertEquals(expected, rs.getObject(1, LocalDateTime.class), "getObject(LDT), " + sql);
      assertEquals(expected, rs.getObject(column, LocalDateTime.class), "getObject(name, LDT)");
      assertEquals(Timestamp.valueOf(expected), rs.getObject(1), "getObject, " + sql);
      assertEquals(
          expected, LocalDateTime.parse(rs.getString(1).replace(' ', 'T')), "getString, " + sql);
      assertTrue(!rs.next(), "more than one row from " + sql);
    }
  }
}
