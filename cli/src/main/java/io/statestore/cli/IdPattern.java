package io.statestore.cli;

import io.statestore.migrate.StatePattern;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import picocli.CommandLine.Option;

/**
 * The {@code --pattern} option of the listing verbs, and the query that lists the matching rows of
 * a table: the glob's {@code LIKE} form is pushed down to the store's listing, then each id is
 * matched against the whole glob (a character class has no {@code LIKE} form).
 */
final class IdPattern {
  @Option(
      names = "--pattern",
      paramLabel = "<glob>",
      description = "Only ids matching this pattern: * any run, ? one character, [abc] a class.")
  String pattern;

  /** What is done with each matching row; column 1 is the state id. */
  interface RowAction {
    void row(String stateId, ResultSet rs) throws SQLException;
  }

  /**
   * Runs {@code SELECT <columns> FROM <table>} for the ids matching the pattern and hands each
   * matching row to {@code action}; {@code sorted} adds {@code ORDER BY state_id} for tables whose
   * listing is not already in id order.
   */
  void forEachRow(Connection c, String table, String columns, boolean sorted, RowAction action)
      throws SQLException {
    StatePattern p = StatePattern.of(pattern);
    String sql =
        "SELECT "
            + columns
            + " FROM "
            + table
            + " WHERE state_id LIKE ? ESCAPE '"
            + StatePattern.ESCAPE
            + "'"
            + (sorted ? " ORDER BY state_id" : "");
    try (PreparedStatement s = c.prepareStatement(sql)) {
      s.setString(1, p.like());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (p.matches(id)) {
            action.row(id, rs);
          }
        }
      }
    }
  }
}
