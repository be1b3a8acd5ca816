package io.statestore.backend.systemdb;

import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;

/**
 * The statements on statestore's lock table: one row per held lock, its content (Meltano's lock
 * text, the UTC epoch seconds it was taken at) and a random version. The primary key makes taking a
 * free lock atomic; {@code WHERE version = ?} makes taking over or releasing one a compare-and-set.
 */
final class LockTable extends KeyedTable {
  LockTable(String table, UpdatedAt updatedAt, Dialect dialect) {
    super(table, updatedAt, dialect);
  }

  /** Reads one lock. */
  Optional<StoredObject> select(Connection c, String stateId) throws SQLException {
    return selectOne(
        c,
        "content, version, updated_at",
        stateId,
        rs ->
            new StoredObject(
                rs.getString(1).getBytes(StandardCharsets.UTF_8),
                updatedAt.read(rs, 3),
                new Version(rs.getString(2))));
  }

  /** Inserts a lock; fails with a unique violation if one is held. */
  void insert(Connection c, String stateId, String content, String version, LocalDateTime now)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO "
                + table
                + " (state_id, content, version, updated_at) VALUES (?, ?, ?, ?)")) {
      ps.setString(1, stateId);
      ps.setString(2, content);
      ps.setString(3, version);
      updatedAt.bind(ps, 4, now);
      ps.executeUpdate();
    }
  }

  /**
   * Replaces a lock, only if it is at {@code expected} when that is given.
   *
   * @return the number of rows changed
   */
  int update(
      Connection c,
      String stateId,
      String content,
      String version,
      LocalDateTime now,
      Version expected)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE "
                + table
                + " SET content = ?, version = ?, updated_at = ? WHERE "
                + dialect.idIs()
                + (expected == null ? "" : " AND version = ?"))) {
      ps.setString(1, content);
      ps.setString(2, version);
      updatedAt.bind(ps, 3, now);
      int next = dialect.bindId(ps, 4, stateId);
      if (expected != null) {
        ps.setString(next, expected.token());
      }
      return ps.executeUpdate();
    }
  }

  /**
   * Deletes a lock, only if it is at {@code expected} when that is given.
   *
   * @return the number of rows deleted
   */
  int delete(Connection c, String stateId, Version expected) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "DELETE FROM "
                + table
                + " WHERE "
                + dialect.idIs()
                + (expected == null ? "" : " AND version = ?"))) {
      int next = dialect.bindId(ps, 1, stateId);
      if (expected != null) {
        ps.setString(next, expected.token());
      }
      return ps.executeUpdate();
    }
  }
}
