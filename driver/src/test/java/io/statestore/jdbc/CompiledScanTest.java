package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A prepared query on {@code state} is planned and compiled once: its executions run the generated
 * code, which reads from the store directly, with no interpreter built per execution.
 */
class CompiledScanTest {
  private Connection conn;

  @BeforeEach
  void fill() throws SQLException {
    conn = DriverManager.getConnection("jdbc:statestore:memory:compiled-" + UUID.randomUUID());
    try (PreparedStatement ps =
        conn.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (int i = 0; i < 5; i++) {
        ps.setString(1, "tap-" + i);
        ps.setString(2, "{\"completed\": {\"n\": " + i + "}}");
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private String explain(String sql) throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("EXPLAIN PLAN FOR " + sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static void assertCompiled(String plan) {
    assertFalse(plan.contains("EnumerableInterpreter"), "no interpreter:\n" + plan);
    assertFalse(plan.contains("BindableTableScan"), "no bindable scan:\n" + plan);
    assertTrue(plan.contains("StateTableScan"), "statestore's own scan:\n" + plan);
  }

  @Test
  void preparedPointReadRunsCompiledCodeStraightToTheStore() throws SQLException {
    assertCompiled(explain("SELECT body FROM state WHERE state_id = 'tap-1'"));
    StringBuilder code = new StringBuilder();
    PreparedStatement prepared;
    try (Hook.Closeable c = Hook.JAVA_PLAN.addThread((Consumer<Object>) code::append)) {
      prepared = conn.prepareStatement("SELECT body FROM state WHERE state_id = ?");
    }
    assertFalse(code.toString().contains("Interpreter"), "builds no interpreter:\n" + code);
    assertTrue(code.toString().contains("CompiledScan"), "calls the compiled scan:\n" + code);
    try (PreparedStatement ps = prepared) {
      AtomicInteger planned = new AtomicInteger();
      AtomicInteger generated = new AtomicInteger();
      try (Hook.Closeable p =
              Hook.PLANNER.addThread((Consumer<Object>) x -> planned.incrementAndGet());
          Hook.Closeable g =
              Hook.JAVA_PLAN.addThread((Consumer<Object>) x -> generated.incrementAndGet())) {
        for (int i : new int[] {2, 3}) {
          ps.setString(1, "tap-" + i);
          try (ResultSet rs = ps.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("{\"completed\": {\"n\": " + i + "}, \"partial\": {}}", rs.getString(1));
            assertFalse(rs.next());
          }
        }
      }
      assertEquals(0, planned.get(), "an execution plans nothing");
      assertEquals(0, generated.get(), "an execution generates no code");
    }
  }

  @Test
  void filteredAndProjectedScansAreCompiledToo() throws SQLException {
    assertCompiled(explain("SELECT state_id FROM state WHERE state_id LIKE 'tap-%'"));
    assertCompiled(
        explain("SELECT state_id, body FROM state WHERE state_id IN ('tap-1', 'tap-2')"));
    assertCompiled(explain("SELECT state_id, updated_at FROM state"));
    String residual =
        explain("SELECT body FROM state WHERE state_id LIKE 'tap-%' AND body LIKE '%\"n\": 3%'");
    assertCompiled(residual);
    assertTrue(residual.contains("filters=[[LIKE($0, 'tap-%')]]"), residual);
    try (Statement s = conn.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT state_id FROM state WHERE state_id LIKE 'tap-%'"
                    + " AND body LIKE '%\"n\": 3%'")) {
      assertTrue(rs.next());
      assertEquals("tap-3", rs.getString(1));
      assertFalse(rs.next());
    }
  }

  @Test
  void locksAreScannedTheSameWay() throws SQLException {
    String plan = explain("SELECT state_id, expires_at FROM locks WHERE state_id = 'tap-1'");
    assertCompiled(plan);
    assertTrue(plan.contains("locks"), plan);
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locks")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1));
    }
  }

  @Test
  void aParameterLikePatternNarrowsTheListingAndIsCheckedAgain() throws SQLException {
    try (PreparedStatement ps =
        conn.prepareStatement("SELECT state_id FROM state WHERE state_id LIKE ? ORDER BY 1")) {
      ps.setString(1, "tap-_");
      int n = 0;
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          assertEquals("tap-" + n++, rs.getString(1));
        }
      }
      assertEquals(5, n);
      ps.setString(1, "tap-3%");
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("tap-3", rs.getString(1));
        assertFalse(rs.next());
      }
    }
  }
}
