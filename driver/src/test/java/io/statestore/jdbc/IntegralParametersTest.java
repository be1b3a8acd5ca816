package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LIMIT, OFFSET and FETCH parameters bound with any integral type, as jOOQ binds them. */
class IntegralParametersTest {
  private static final String BODY = "{\"completed\": {}, \"partial\": {}}";

  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = DriverManager.getConnection("jdbc:statestore:memory:int-" + UUID.randomUUID());
    try (Statement s = conn.createStatement()) {
      for (String id : List.of("a", "b", "c", "d")) {
        s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('" + id + "', '" + BODY + "')");
      }
    }
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  /** Binds one value. */
  private interface Binder {
    void bind(PreparedStatement ps, int index) throws SQLException;
  }

  private List<String> ids(String sql, Binder first, Binder second) throws SQLException {
    List<String> out = new ArrayList<>();
    try (PreparedStatement ps = conn.prepareStatement(sql)) {
      first.bind(ps, 1);
      if (second != null) {
        second.bind(ps, 2);
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(rs.getString(1));
        }
      }
    }
    return out;
  }

  @Test
  void limitAndOffsetTakeAnyIntegralType() throws SQLException {
    String sql = "SELECT state_id FROM state ORDER BY state_id LIMIT ? OFFSET ?";
    List<String> bc = List.of("b", "c");
    assertEquals(bc, ids(sql, (ps, i) -> ps.setLong(i, 2L), (ps, i) -> ps.setLong(i, 1L)));
    assertEquals(
        bc, ids(sql, (ps, i) -> ps.setShort(i, (short) 2), (ps, i) -> ps.setByte(i, (byte) 1)));
    assertEquals(
        bc, ids(sql, (ps, i) -> ps.setObject(i, 2L), (ps, i) -> ps.setObject(i, (short) 1)));
    assertEquals(
        bc,
        ids(
            sql,
            (ps, i) -> ps.setBigDecimal(i, BigDecimal.valueOf(2)),
            (ps, i) -> ps.setObject(i, BigDecimal.ONE)));
    assertEquals(
        bc, ids(sql, (ps, i) -> ps.setObject(i, 2L, Types.BIGINT), (ps, i) -> ps.setInt(i, 1)));
    assertEquals(
        List.of("a"),
        ids(
            "SELECT state_id FROM state ORDER BY state_id FETCH FIRST ? ROWS ONLY",
            (ps, i) -> ps.setLong(i, 1L),
            null));
  }

  @Test
  void aValueOutOfRangeIs22003() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT state_id FROM state LIMIT ?")) {
      SQLException e =
          assertThrows(SQLException.class, () -> ps.setLong(1, Integer.MAX_VALUE + 1L));
      assertEquals("22003", e.getSQLState(), e.getMessage());
      e = assertThrows(SQLException.class, () -> ps.setBigDecimal(1, new BigDecimal("1.5")));
      assertEquals("22003", e.getSQLState(), e.getMessage());
    }
  }

  @Test
  void batchedRowsKeepTheirConvertedValues() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
      ps.setString(1, "a");
      ps.addBatch();
      ps.setString(1, "b");
      ps.addBatch();
      int[] counts = ps.executeBatch();
      assertEquals(2, counts.length);
      assertEquals(1, counts[0] + counts[1] - 1);
    }
  }
}
