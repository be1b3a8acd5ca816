package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Aggregates that need no body list ids only; {@code ORDER BY state_id} streams the listing (which
 * comes in id order) instead of sorting it in memory, and {@code LIMIT} stops it early.
 */
class BodyFreeScanTest {
  private static final int STATES = 60;

  private CountingBackend backend;
  private Connection conn;

  @BeforeEach
  void fill() throws SQLException {
    String name = "bodyfree-" + UUID.randomUUID();
    backend = CountingBackendProvider.store("memory:" + name);
    conn = DriverManager.getConnection("jdbc:statestore:counting:memory:" + name);
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      // Inserted out of id order, so that id order comes from the listing.
      for (int i = STATES - 1; i >= 0; i--) {
        ps.setString(1, String.format("tap-%03d", i));
        ps.setString(2, "{\"completed\": {\"n\": " + (STATES - 1 - i) + "}}"); // against id order
        ps.addBatch();
      }
      ps.executeBatch();
    }
    backend.reset();
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private String single(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      String v = rs.getString(1);
      assertFalse(rs.next(), sql);
      return v;
    }
  }

  private String explain(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private void assertListsOnly(String sql, String expected) throws SQLException {
    backend.reset();
    assertEquals(expected, single(sql), sql);
    assertEquals(0, backend.stateReads(), sql + " reads no body; plan:\n" + explain(sql));
    assertEquals(List.of(""), backend.listedStatePrefixes(), sql + " lists once");
  }

  @Test
  void countStarReadsNoBody() throws SQLException {
    assertListsOnly("SELECT COUNT(*) FROM state", String.valueOf(STATES));
  }

  @Test
  void countOfStateIdReadsNoBody() throws SQLException {
    assertListsOnly("SELECT COUNT(state_id) FROM state", String.valueOf(STATES));
  }

  @Test
  void minAndMaxOfStateIdReadNoBody() throws SQLException {
    assertListsOnly("SELECT MIN(state_id) FROM state", "tap-000");
    assertListsOnly("SELECT MAX(state_id) FROM state", "tap-059");
  }

  @Test
  void orderByStateIdStreamsTheListingWithoutSorting() throws SQLException {
    String sql = "SELECT state_id, body FROM state ORDER BY state_id";
    String plan = explain(sql);
    assertFalse(plan.contains("Sort"), "no sort over the scan:\n" + plan);
    backend.reset();
    List<String> ids = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      ids.add(rs.getString(1));
      assertTrue(
          backend.stateReads() <= 2,
          "the first row arrives after reading its own body, not all of them: "
              + backend.stateReads());
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    List<String> sorted = new ArrayList<>(ids);
    sorted.sort(null);
    assertEquals(STATES, ids.size());
    assertEquals(sorted, ids, "in id order");
    assertEquals(STATES, backend.stateReads());
  }

  @Test
  void orderByStateIdWithLimitStopsEarly() throws SQLException {
    String sql = "SELECT state_id, body FROM state ORDER BY state_id LIMIT 10";
    String plan = explain(sql);
    assertFalse(plan.contains("Sort("), "no sort over the scan:\n" + plan);
    backend.reset();
    List<String> ids = new ArrayList<>();
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    assertEquals(10, ids.size());
    assertEquals("tap-000", ids.get(0));
    assertEquals("tap-009", ids.get(9));
    assertTrue(backend.stateReads() <= 11, "reads about 10 bodies: " + backend.stateReads());
  }

  @Test
  void otherOrdersAreStillSorted() throws SQLException {
    assertEquals("tap-059", firstId("SELECT state_id FROM state ORDER BY state_id DESC"));
    assertEquals("tap-059", firstId("SELECT state_id, body FROM state ORDER BY body, state_id"));
    assertEquals("tap-059", firstId("SELECT state_id FROM state ORDER BY body"));
    assertTrue(firstId("SELECT body FROM state ORDER BY body").contains("\"n\": 0}"));
  }

  private String firstId(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }
}
