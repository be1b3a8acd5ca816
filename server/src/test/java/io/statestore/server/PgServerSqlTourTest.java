package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The README's SQL tour through the PostgreSQL JDBC driver, simple and extended protocol. */
class PgServerSqlTourTest {
  private static ServerFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new ServerFixture(false);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  static String body(String bookmark) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": "
        + "{\"replication_key_value\": \""
        + bookmark
        + "\"}}}}, \"partial\": {}}";
  }

  @Test
  void insertSelectUpdateDeleteThroughPreparedStatements() throws Exception {
    try (Connection c = fixture.connect()) {
      try (PreparedStatement ins =
          c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
        for (String id : List.of("tour:a", "tour:b", "other:c")) {
          ins.setString(1, id);
          ins.setString(2, body("2024-01-01"));
          assertEquals(1, ins.executeUpdate());
        }
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT state_id, updated_at FROM state WHERE state_id = ?")) {
        // more than pgjdbc's prepareThreshold (5): the statement becomes server-prepared and
        // its results binary where the driver asks for it
        for (int i = 0; i < 8; i++) {
          q.setString(1, "tour:a");
          try (ResultSet rs = q.executeQuery()) {
            assertTrue(rs.next());
            assertEquals("tour:a", rs.getString(1));
            assertEquals(Types.TIMESTAMP, rs.getMetaData().getColumnType(2));
            Timestamp t = rs.getTimestamp(2);
            assertTrue(t == null || t.getTime() > 0);
            assertFalse(rs.next());
          }
        }
      }
      assertEquals(
          List.of("tour:a", "tour:b"),
          ids(c, "SELECT state_id FROM state " + "WHERE state_id LIKE 'tour:%' ORDER BY state_id"));
      try (PreparedStatement like =
          c.prepareStatement("SELECT state_id FROM state WHERE state_id LIKE ? ORDER BY 1")) {
        like.setString(1, "other:%");
        try (ResultSet rs = like.executeQuery()) {
          assertTrue(rs.next());
          assertEquals("other:c", rs.getString(1));
        }
      }
      try (PreparedStatement up =
          c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
        up.setString(1, body("2024-09-01"));
        up.setString(2, "tour:b");
        assertEquals(1, up.executeUpdate());
      }
      try (Statement s = c.createStatement();
          ResultSet rs =
              s.executeQuery(
                  "SELECT JSON_VALUE(body, '$.completed.singer_state.bookmarks.users"
                      + ".replication_key_value') AS bookmark FROM state"
                      + " WHERE state_id = 'tour:b'")) {
        assertTrue(rs.next());
        assertEquals("2024-09-01", rs.getString("bookmark"));
      }
      try (Statement s = c.createStatement()) {
        assertEquals(1, s.executeUpdate("DELETE FROM state WHERE state_id = 'other:c'"));
        assertEquals(List.of(), ids(c, "SELECT state_id FROM state WHERE state_id = 'other:c'"));
      }
    }
  }

  @Test
  void countsAndLimitsWithBinaryIntegerParameters() throws Exception {
    try (Connection c = fixture.connect()) {
      try (Statement s = c.createStatement()) {
        s.executeUpdate(
            "INSERT INTO state (state_id, body) VALUES ('lim:1', '"
                + body("1")
                + "'), ('lim:2', '"
                + body("2")
                + "'), ('lim:3', '"
                + body("3")
                + "')");
      }
      try (PreparedStatement q =
          c.prepareStatement("SELECT COUNT(*) AS n FROM state WHERE state_id LIKE 'lim:%'")) {
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(Types.BIGINT, rs.getMetaData().getColumnType(1));
          assertEquals(3, rs.getLong("n"));
        }
      }
      try (PreparedStatement q =
          c.prepareStatement(
              "SELECT state_id FROM state WHERE state_id LIKE 'lim:%' ORDER BY state_id LIMIT ?")) {
        for (int i = 0; i < 7; i++) {
          q.setInt(1, 2);
          List<String> got = new ArrayList<>();
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              got.add(rs.getString(1));
            }
          }
          assertEquals(List.of("lim:1", "lim:2"), got);
        }
      }
    }
  }

  @Test
  void driverErrorsKeepTheirSqlState() throws Exception {
    try (Connection c = fixture.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('dup:1', '" + body("x") + "')");
      SQLException dup =
          assertThrows(
              SQLException.class,
              () ->
                  s.executeUpdate(
                      "INSERT INTO state (state_id, body) VALUES ('dup:1', '" + body("x") + "')"));
      assertEquals("23505", dup.getSQLState(), dup.getMessage());
      SQLException json =
          assertThrows(
              SQLException.class,
              () -> s.executeUpdate("UPDATE state SET body = 'not json' WHERE state_id = 'dup:1'"));
      assertEquals("22032", json.getSQLState(), json.getMessage());
      SQLException ddl = assertThrows(SQLException.class, () -> s.execute("DROP TABLE state"));
      assertEquals("0A000", ddl.getSQLState(), ddl.getMessage());
      // the connection goes on after errors
      assertEquals(List.of("dup:1"), ids(c, "SELECT state_id FROM state WHERE state_id = 'dup:1'"));
    }
  }

  @Test
  void sessionQueriesBiToolsSend() throws Exception {
    try (Connection c = fixture.connect();
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT version()")) {
        assertTrue(rs.next());
        assertTrue(rs.getString(1).startsWith("PostgreSQL "), rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SELECT current_schema(), current_database()")) {
        assertTrue(rs.next());
        assertEquals("statestore", rs.getString(1));
        assertEquals("statestore", rs.getString(2));
      }
      s.execute("SET application_name = 'dashboard'");
      try (ResultSet rs = s.executeQuery("SHOW application_name")) {
        assertTrue(rs.next());
        assertEquals("dashboard", rs.getString(1));
      }
      try (ResultSet rs = s.executeQuery("SHOW transaction_isolation")) {
        assertTrue(rs.next());
        assertNotNull(rs.getString(1));
      }
    }
  }

  static List<String> ids(Connection c, String sql) throws SQLException {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }
}
