package io.statestore.backend.systemdb;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The statements on Meltano's state table. Each runs on a connection the caller holds, inside the
 * caller's transaction. The JSON columns are written as Meltano's {@code json.dumps} text (the
 * parts of a rendered document) and {@code updated_at} as Meltano's naive local time.
 */
final class MeltanoStateTable extends KeyedTable {
  MeltanoStateTable(String table, UpdatedAt updatedAt, Dialect dialect) {
    super(table, updatedAt, dialect);
  }

  /** Reads one row. */
  Optional<StateRow> select(Connection c, String stateId) throws SQLException {
    return selectOne(
        c,
        "completed_state, partial_state, updated_at",
        stateId,
        rs -> new StateRow(rs.getString(1), rs.getString(2), updatedAt.read(rs, 3)));
  }

  /** Inserts a row; fails with a unique violation if the id exists. */
  void insert(Connection c, String stateId, Parts parts, LocalDateTime now) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (state_id, partial_state, completed_state, updated_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, stateId);
      ps.setString(2, parts.partial());
      ps.setString(3, parts.completed());
      updatedAt.bind(ps, 4, now);
      ps.executeUpdate();
    }
  }

  /** Replaces a row whatever it holds; returns the number of rows changed (0 or 1). */
  int update(Connection c, String stateId, Parts parts, LocalDateTime now) throws SQLException {
    return update(c, stateId, parts, now, null);
  }

  /**
   * Replaces a row only if its JSON columns still hold what {@code expected} read (NULLs included),
   * so that a concurrent writer cannot be overwritten whatever the isolation level.
   *
   * @return the number of rows changed: 0 when the row changed or vanished
   */
  int updateIfUnchanged(
      Connection c, String stateId, Parts parts, LocalDateTime now, StateRow expected)
      throws SQLException {
    return update(c, stateId, parts, now, expected);
  }

  private int update(
      Connection c, String stateId, Parts parts, LocalDateTime now, StateRow expected)
      throws SQLException {
    String sql =
        "UPDATE "
            + table
            + " SET partial_state = ?, completed_state = ?, updated_at = ? WHERE "
            + dialect.idIs()
            + unchanged(expected);
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, parts.partial());
      ps.setString(2, parts.completed());
      updatedAt.bind(ps, 3, now);
      bindUnchanged(ps, dialect.bindId(ps, 4, stateId), expected);
      return ps.executeUpdate();
    }
  }

  /** Deletes a row; returns the number deleted. */
  int delete(Connection c, String stateId) throws SQLException {
    return delete(c, stateId, null);
  }

  /** Deletes a row only if its JSON columns still hold what {@code expected} read. */
  int deleteIfUnchanged(Connection c, String stateId, StateRow expected) throws SQLException {
    return delete(c, stateId, expected);
  }

  private int delete(Connection c, String stateId, StateRow expected) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM " + table + " WHERE " + dialect.idIs() + unchanged(expected))) {
      bindUnchanged(ps, dialect.bindId(ps, 1, stateId), expected);
      return ps.executeUpdate();
    }
  }

  private static String unchanged(StateRow expected) {
    if (expected == null) {
      return "";
    }
    return " AND "
        + equal("completed_state", expected.completed())
        + " AND "
        + equal("partial_state", expected.partial());
  }

  private static String equal(String column, String value) {
    return value == null ? column + " IS NULL" : column + " = ?";
  }

  private static void bindUnchanged(PreparedStatement ps, int from, StateRow expected)
      throws SQLException {
    if (expected == null) {
      return;
    }
    int i = from;
    if (expected.completed() != null) {
      ps.setString(i++, expected.completed());
    }
    if (expected.partial() != null) {
      ps.setString(i, expected.partial());
    }
  }

  /**
   * The two JSON columns of a document to write.
   *
   * @param completed the {@code completed_state} text
   * @param partial the {@code partial_state} text
   */
  record Parts(String completed, String partial) {}
}
