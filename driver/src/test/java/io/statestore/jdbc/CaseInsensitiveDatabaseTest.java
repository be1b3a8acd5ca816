package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A system database that compares text without regard to letter case (H2 with {@code IGNORECASE},
 * as MySQL's and SQL Server's default collations do): ids keep exact, case-sensitive meaning, and a
 * statement refused for a clash leaves every state as it was.
 */
class CaseInsensitiveDatabaseTest {
  private static final String BODY = "{\"completed\": {\"v\": 1}, \"partial\": {}}";
  private static final String OTHER = "{\"completed\": {\"v\": 2}, \"partial\": {}}";

  @TempDir Path dir;
  private String url;

  @BeforeEach
  void storeDevA() throws SQLException {
    url = "jdbc:statestore:systemdb:jdbc:h2:file:" + dir.resolve("db") + ";IGNORECASE=TRUE";
    update("INSERT INTO state (state_id, body) VALUES ('Dev:A', '" + BODY + "')");
  }

  private int update(String sql) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      return s.executeUpdate(sql);
    }
  }

  private List<String> rows(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1) + "=" + rs.getString(2));
      }
    }
    return out;
  }

  private List<String> all() throws SQLException {
    return rows("SELECT state_id, body FROM state ORDER BY state_id");
  }

  @Test
  void aLookupFindsOnlyTheExactId() throws SQLException {
    assertEquals(List.of(), rows("SELECT state_id, body FROM state WHERE state_id = 'dev:a'"));
    assertEquals(
        List.of("Dev:A=" + BODY),
        rows("SELECT state_id, body FROM state WHERE state_id = 'Dev:A'"));
    assertEquals(
        List.of(), rows("SELECT state_id, body FROM state WHERE state_id IN ('dev:a', 'DEV:A')"));
  }

  @Test
  void updateAndDeleteOfAnotherCaseChangeNothing() throws SQLException {
    assertEquals(0, update("UPDATE state SET body = '" + OTHER + "' WHERE state_id = 'dev:a'"));
    assertEquals(0, update("DELETE FROM state WHERE state_id = 'dev:a'"));
    assertEquals(List.of("Dev:A=" + BODY), all());
  }

  @Test
  void aPrefixMatchesWithItsCase() throws SQLException {
    assertEquals(List.of(), rows("SELECT state_id, body FROM state WHERE state_id LIKE 'dev:%'"));
    assertEquals(1, rows("SELECT state_id, body FROM state WHERE state_id LIKE 'Dev:%'").size());
  }

  @Test
  void aBatchRefusedForAClashWritesNothing() throws SQLException {
    String values =
        "('x:1', '"
            + BODY
            + "'), ('x:2', '"
            + BODY
            + "'), ('dev:a', '"
            + BODY
            + "'), ('x:3', '"
            + BODY
            + "')";
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> update("INSERT INTO state (state_id, body) VALUES " + values));
    assertEquals("23505", e.getSQLState(), e.getMessage());
    assertEquals(List.of("Dev:A=" + BODY), all());
  }

  @Test
  void twoIdsOfOneBatchThatClashWriteNothing() throws SQLException {
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                update(
                    "INSERT INTO state (state_id, body) VALUES ('y:a', '"
                        + BODY
                        + "'), ('Y:A', '"
                        + BODY
                        + "')"));
    assertEquals("23505", e.getSQLState(), e.getMessage());
    assertEquals(List.of("Dev:A=" + BODY), all());
  }
}
