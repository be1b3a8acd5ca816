package io.statestore.backend.systemdb;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What Meltano's migrations have done to a database, as far as its {@code state} table goes.
 *
 * <p>Meltano migrates its system database with Alembic, which records the revision reached in the
 * table {@code alembic_version}. Its command line upgrades the database on every command, running
 * every revision after the recorded one (all of them when the table is missing). Revision {@value
 * #STATE_TABLE_REVISION} creates the {@code state} table and first drops any table of that name: a
 * {@code state} table in a database whose migrations have not yet passed that revision is emptied
 * by Meltano's next command.
 */
final class MeltanoMigrations {
  /** The revision that (re)creates the state table. */
  static final String STATE_TABLE_REVISION = "6828cc5b1a4f";

  /** Alembic's table of the revision reached. */
  static final String VERSION_TABLE = "alembic_version";

  /** Meltano's revisions before {@value #STATE_TABLE_REVISION}, oldest first. */
  static final Set<String> EARLIER_REVISIONS =
      Set.of(
          "b4c05e463b53",
          "6ef30ab7b8e5",
          "53e97221d99f",
          "a3e2b0a4937d",
          "990c0665f3ce",
          "ceb00d7ff3bd",
          "23ea52e6d784",
          "87d9638f6ac6",
          "367228df6a43",
          "e4fbabc3fed6",
          "d135f52a6f49",
          "13e8639c6d2b",
          "5b43800443d1",
          "f4c225a9492f");

  private MeltanoMigrations() {}

  /**
   * The revisions recorded in the {@code alembic_version} table next to a table, or {@code null}
   * when there is no such table.
   *
   * @param table the state table's name, plain or schema-qualified: {@code alembic_version} is
   *     looked up in the same schema
   */
  static List<String> revisions(Connection c, String table) throws SQLException {
    int dot = table.indexOf('.');
    String versions = dot < 0 ? VERSION_TABLE : table.substring(0, dot + 1) + VERSION_TABLE;
    if (Schema.columns(c, versions).isEmpty()) {
      return null;
    }
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version_num FROM " + versions)) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /**
   * Whether recorded revisions show that {@value #STATE_TABLE_REVISION} has run, so that Meltano
   * will not drop the state table again: some revision is recorded and none is an earlier one (a
   * later revision unknown here counts as past it).
   */
  static boolean pastStateTableRevision(List<String> revisions) {
    return revisions != null
        && !revisions.isEmpty()
        && revisions.stream().noneMatch(EARLIER_REVISIONS::contains);
  }

  /** The unqualified part of a table name. */
  static String unqualified(String table) {
    return table.substring(table.indexOf('.') + 1);
  }
}
