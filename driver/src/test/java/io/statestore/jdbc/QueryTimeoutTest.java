package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import org.apache.calcite.plan.AbstractRelOptPlanner;
import org.apache.calcite.runtime.Hook;
import org.junit.jupiter.api.Test;

/**
 * A statement's query timeout counts from {@code execute}: planning that overruns it ends the
 * statement with HYT00 instead of a result, and the planner itself is told to give up.
 */
class QueryTimeoutTest {
  private static final String CHANGED = "{\"completed\": {\"x\": 1}, \"partial\": {}}";
  private static final String QUERY = "SELECT state_id, body FROM state WHERE state_id = 'a'";

  /** Makes the engine's parsing of this thread's statements slower than a 1 s query timeout. */
  private static Hook.Closeable slowParsing() {
    return Hook.PARSE_TREE.addThread((Consumer<Object>) x -> pause());
  }

  private static void pause() {
    try {
      Thread.sleep(1_600);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Test
  void slowPlanningOfAQueryEndsWithTimeoutNotAResult() throws Exception {
    try (Connection c = TestConnections.memoryWithState("qt-");
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      try (Hook.Closeable slow = slowParsing()) {
        SQLException e = assertThrows(SQLException.class, () -> s.executeQuery(QUERY).next());
        assertEquals("HYT00", e.getSQLState(), e.getMessage());
        assertTrue(e.getMessage().contains("query timeout"), e.getMessage());
      }
      s.setQueryTimeout(600); // a loaded machine may take more than a second to plan
      try (ResultSet rs = s.executeQuery(QUERY)) {
        assertTrue(rs.next(), "the next execution has its own time");
      }
    }
  }

  @Test
  void slowPlanningOfAWriteEndsWithTimeoutAndWritesNothing() throws Exception {
    try (Connection c = TestConnections.memoryWithState("qt-");
        Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      try (Hook.Closeable slow = slowParsing()) {
        SQLException e =
            assertThrows(
                SQLException.class,
                () ->
                    s.executeUpdate(
                        "UPDATE state SET body = '" + CHANGED + "' WHERE state_id = 'a'"));
        assertEquals("HYT00", e.getSQLState(), e.getMessage());
      }
      s.setQueryTimeout(0);
      try (ResultSet rs = s.executeQuery(QUERY)) {
        assertTrue(rs.next());
        assertEquals(TestConnections.BODY, rs.getString(2), "nothing written");
      }
    }
  }

  @Test
  void thePlannerIsToldToGiveUpWhenTheTimeIsUp() throws Exception {
    AtomicBoolean aborted = new AtomicBoolean();
    AtomicBoolean paused = new AtomicBoolean();
    Consumer<Object> slowPlanner =
        planner -> {
          if (paused.getAndSet(true)) {
            return; // the engine makes several planners; the first one is slow
          }
          pause();
          try {
            ((AbstractRelOptPlanner) planner).checkCancel();
          } catch (RuntimeException e) {
            aborted.set(true);
            throw e;
          }
        };
    try (Connection c = TestConnections.memoryWithState("qt-");
        Statement s = c.createStatement();
        Hook.Closeable slow = Hook.PLANNER.addThread(slowPlanner)) {
      s.setQueryTimeout(1);
      SQLException e = assertThrows(SQLException.class, () -> s.execute(QUERY));
      assertEquals("HYT00", e.getSQLState(), e.getMessage());
      assertTrue(aborted.get(), "the planner's cancel flag was raised");
    }
  }

  @Test
  void withoutATimeoutSlowPlanningStillGivesTheResult() throws Exception {
    try (Connection c = TestConnections.memoryWithState("qt-");
        PreparedStatement ps = c.prepareStatement(QUERY);
        Statement s = c.createStatement();
        Hook.Closeable slow = slowParsing()) {
      try (ResultSet rs = s.executeQuery(QUERY)) {
        assertTrue(rs.next());
      }
      ps.setQueryTimeout(1);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "a prepared statement was planned before its clock started");
      }
    }
  }
}
