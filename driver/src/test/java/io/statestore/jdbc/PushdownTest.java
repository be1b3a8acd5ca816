package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.testkit.CountingBackend;
import io.statestore.testkit.CountingBackendProvider;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Proves that filters and projections reach the store instead of scanning everything. */
class PushdownTest {
  private String name;
  private CountingBackend backend;
  private Connection conn;

  @BeforeEach
  void fill() throws SQLException {
    name = "push-" + UUID.randomUUID();
    backend = CountingBackendProvider.store("memory:" + name);
    conn = DriverManager.getConnection("jdbc:statestore:counting:memory:" + name);
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (int i = 0; i < 200; i++) {
        ps.setString(1, (i < 10 ? "prod:" : "dev:") + "tap-" + i);
        ps.setString(2, "{\"completed\": {\"n\": " + i + "}}");
        ps.addBatch();
      }
      ps.executeBatch();
    }
    backend.reset();
  }

  private List<String> ids(String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  private String explain(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  @Test
  void prefixLikeListsOnlyThePrefixAndReadsOnlyMatches() throws SQLException {
    List<String> got = ids("SELECT state_id, body FROM state WHERE state_id LIKE 'prod:%'");
    assertEquals(10, got.size());
    assertEquals(List.of("prod:"), backend.listedStatePrefixes());
    assertEquals(10, backend.stateReads(), "reads only the matching states' bodies");
    assertTrue(
        explain("SELECT * FROM state WHERE state_id LIKE 'prod:%'")
            .contains("filters=[[LIKE($0, 'prod:%')]]"));
  }

  @Test
  void likeWithInnerWildcardsAndEscapeUsesTheLiteralPrefix() throws SQLException {
    assertEquals(
        List.of("prod:tap-1"),
        ids(
            "SELECT state_id FROM state WHERE state_id LIKE 'prod:tap-_'"
                + " AND state_id <> 'prod:tap-0' AND state_id < 'prod:tap-2'"));
    assertEquals(
        List.of("prod:tap-"),
        backend.listedStatePrefixes(),
        explain(
            "SELECT state_id FROM state WHERE state_id LIKE 'prod:tap-_'"
                + " AND state_id <> 'prod:tap-0' AND state_id < 'prod:tap-2'"));
    backend.reset();
    assertEquals(
        List.of(), ids("SELECT state_id FROM state WHERE state_id LIKE 'prod!_%' ESCAPE '!'"));
    assertEquals(List.of("prod_"), backend.listedStatePrefixes());
  }

  @Test
  void projectionWithoutBodyReadsNoBody() throws SQLException {
    assertEquals(200, ids("SELECT state_id, updated_at FROM state").size());
    assertEquals(0, backend.stateReads());
    assertEquals(List.of(""), backend.listedStatePrefixes());
  }

  @Test
  void equalityAndInAreSinglePointReads() throws SQLException {
    assertEquals(
        List.of("dev:tap-42"), ids("SELECT state_id FROM state WHERE state_id = 'dev:tap-42'"));
    assertEquals(
        List.of("dev:tap-11", "prod:tap-3"),
        ids(
            "SELECT state_id FROM state WHERE state_id IN ('prod:tap-3', 'dev:tap-11', 'missing')"
                + " ORDER BY state_id"));
    assertEquals(
        List.of("dev:tap-12", "dev:tap-13"),
        ids(
            "SELECT state_id FROM state WHERE state_id = 'dev:tap-12' OR state_id = 'dev:tap-13'"
                + " ORDER BY 1"));
    assertEquals(List.of(), backend.listedStatePrefixes(), "no listing at all");
    assertEquals(6, backend.stateReads());
  }

  @Test
  void preparedParametersArePushedToo() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT state_id FROM state WHERE state_id LIKE ?")) {
      ps.setString(1, "prod:tap-%");
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          n++;
        }
      }
      assertEquals(10, n);
    }
    assertEquals(List.of("prod:tap-"), backend.listedStatePrefixes());
    backend.reset();
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
      ps.setString(1, "dev:tap-100");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("{\"completed\": {\"n\": 100}, \"partial\": {}}", rs.getString(1));
      }
    }
    assertEquals(List.of(), backend.listedStatePrefixes());
    assertEquals(1, backend.stateReads());
  }

  @Test
  void longInListsOfParametersAreStillPointReads() throws SQLException {
    int n = 100;
    String marks = String.join(", ", java.util.Collections.nCopies(n, "?"));
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT state_id FROM state WHERE state_id IN (" + marks + ")")) {
      for (int i = 0; i < n; i++) {
        ps.setString(i + 1, "dev:tap-" + (100 + i));
      }
      int rows = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          rows++;
        }
      }
      assertEquals(n, rows);
    }
    assertEquals(List.of(), backend.listedStatePrefixes(), "no listing: each id is looked up");
    assertEquals(n, backend.stateReads(), "one read per id");
  }

  @Test
  void updateByKeyTouchesOneState() throws SQLException {
    try (Statement s = conn.createStatement()) {
      assertEquals(
          1, s.executeUpdate("UPDATE state SET body = '{}' WHERE state_id = 'prod:tap-1'"));
    }
    assertEquals(List.of(), backend.listedStatePrefixes());
  }
}
