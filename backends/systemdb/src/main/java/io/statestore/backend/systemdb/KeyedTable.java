package io.statestore.backend.systemdb;

import io.statestore.core.StateIds;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;

/**
 * What the state table and the lock table share: a name, rows keyed by {@code state_id}, {@code
 * updated_at} in Meltano's format, and the dialect's id comparison. Statements run on a connection
 * the caller holds, inside the caller's transaction.
 */
abstract class KeyedTable {
  /** Reads the columns of one row of a result. */
  @FunctionalInterface
  interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  final String table;
  final UpdatedAt updatedAt;
  final Dialect dialect;

  KeyedTable(String table, UpdatedAt updatedAt, Dialect dialect) {
    this.table = table;
    this.updatedAt = updatedAt;
    this.dialect = dialect;
  }

  /** The table's name, for messages. */
  final String name() {
    return table;
  }

  /** A state id's row in this table, for messages: {@code state_id 'x' in table state}. */
  final String rowOf(String stateId) {
    return "state_id " + StateIds.quote(stateId) + " in table " + table;
  }

  /**
   * Reads the row of one id: {@code columns}, then {@code state_id} last.
   *
   * @param columns the columns {@code reader} reads, comma-separated
   */
  final <T> Optional<T> selectOne(Connection c, String columns, String stateId, RowReader<T> reader)
      throws SQLException {
    int idColumn = columns.split(",").length + 1;
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT " + columns + ", state_id FROM " + table + " WHERE " + dialect.idIs())) {
      dialect.bindId(ps, 1, stateId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          // A database that compares ids inexactly in ways idIs() does not cover may answer with
          // another id's row: it is never taken for this one.
          if (stateId.equals(rs.getString(idColumn))) {
            return Optional.of(reader.read(rs));
          }
        }
        return Optional.empty();
      }
    }
  }
}
