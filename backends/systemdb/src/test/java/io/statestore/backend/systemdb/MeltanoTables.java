package io.statestore.backend.systemdb;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Meltano's system database as Meltano itself makes and writes it, for tests.
 *
 * <p>{@link #SQLITE_DDL} is what Meltano's migration 6828cc5b1a4f ({@code op.create_table("state",
 * sa.Column("state_id", sa.String(900), nullable=False), ... JSONEncodedDict ..., sa.Column(
 * "updated_at", sa.types.DATETIME, onupdate=datetime.now), sa.PrimaryKeyConstraint("state_id"),
 * sa.UniqueConstraint("state_id"))}) emits on SQLite, as SQLAlchemy compiles it.
 */
final class MeltanoTables {
  /** The state table exactly as Meltano's migration creates it on SQLite. */
  static final String SQLITE_DDL =
      "CREATE TABLE state (\n"
          + "\tstate_id VARCHAR(900) NOT NULL, \n"
          + "\tpartial_state VARCHAR, \n"
          + "\tcompleted_state VARCHAR, \n"
          + "\tupdated_at DATETIME, \n"
          + "\tPRIMARY KEY (state_id), \n"
          + "\tUNIQUE (state_id)\n"
          + ")";

  /** SQLAlchemy's text format of a SQLite DATETIME. */
  static final DateTimeFormatter SQLITE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private MeltanoTables() {}

  /** Creates a SQLite database with Meltano's table, in WAL mode as Meltano opens it. */
  static String createSqlite(java.nio.file.Path file) throws SQLException {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute(SQLITE_DDL);
    }
    return url;
  }

  /**
   * Writes a row the way Meltano's SQLAlchemy model does: the JSON columns as {@code json.dumps}
   * text or NULL, {@code updated_at} as the naive local text or NULL (Meltano's INSERT leaves it
   * NULL; its {@code onupdate=datetime.now} sets it when a state is replaced).
   */
  static void insertSqlite(
      Connection c, String stateId, String partial, String completed, LocalDateTime updatedAt)
      throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO state (state_id, updated_at, partial_state, completed_state)"
                + " VALUES (?, ?, ?, ?)")) {
      ps.setString(1, stateId);
      ps.setString(2, updatedAt == null ? null : SQLITE_DATETIME.format(updatedAt));
      ps.setString(3, partial);
      ps.setString(4, completed);
      ps.executeUpdate();
    }
  }
}
