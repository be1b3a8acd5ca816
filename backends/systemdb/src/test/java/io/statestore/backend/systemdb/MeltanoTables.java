package io.statestore.backend.systemdb;

import io.statestore.testkit.MeltanoSqlite;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
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
  static final String SQLITE_DDL = MeltanoSqlite.STATE_TABLE_DDL;

  /** SQLAlchemy's text format of a SQLite DATETIME. */
  static final DateTimeFormatter SQLITE_DATETIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSS");

  private MeltanoTables() {}

  /**
   * Alembic's version table as it creates it on SQLite. Meltano's migrations record the revision
   * they reached in it; a database without it is migrated from the start by Meltano's next command.
   */
  static final String ALEMBIC_DDL = MeltanoSqlite.ALEMBIC_VERSION_DDL;

  /** Meltano's newest migration (its {@code migrations/db.lock}). */
  static final String HEAD_REVISION = MeltanoSqlite.HEAD_REVISION;

  /** The migration that creates the state table, dropping any table of that name first. */
  static final String STATE_TABLE_REVISION = "6828cc5b1a4f";

  /** The revision just before it. */
  static final String REVISION_BEFORE_STATE_TABLE = "f4c225a9492f";

  /**
   * Creates a SQLite database as Meltano's migrations leave it: the state table and {@code
   * alembic_version} at Meltano's newest revision, in WAL mode as Meltano opens it.
   */
  static String createSqlite(java.nio.file.Path file) throws SQLException {
    String url = createUnmigratedSqlite(file);
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute(ALEMBIC_DDL);
      s.execute("INSERT INTO alembic_version (version_num) VALUES ('" + HEAD_REVISION + "')");
    }
    return url;
  }

  /**
   * Creates a SQLite database with Meltano's state table but no {@code alembic_version}, as a tool
   * other than Meltano would leave it: Meltano's next command runs every migration on it.
   */
  static String createUnmigratedSqlite(java.nio.file.Path file) throws SQLException {
    String url = "jdbc:sqlite:" + file.toAbsolutePath();
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      s.execute("PRAGMA journal_mode=WAL");
      s.execute(SQLITE_DDL);
    }
    return url;
  }

  /**
   * What Meltano's next command does to the state table of a database (its {@code
   * MigrationService.upgrade}): when {@code alembic_version} is missing, empty or before {@value
   * #STATE_TABLE_REVISION}, the migrations up to the newest run, and {@value #STATE_TABLE_REVISION}
   * drops any existing {@code state} table ({@code if "state" in inspector.get_table_names():
   * op.drop_table("state")}) and creates it anew; the revision is then recorded. A database already
   * past that revision is left alone ("System database up-to-date").
   */
  static void runMeltanoMigrations(String url) throws SQLException {
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement()) {
      String revision = null;
      if (tables(c).contains("alembic_version")) {
        try (ResultSet rs = s.executeQuery("SELECT version_num FROM alembic_version")) {
          revision = rs.next() ? rs.getString(1) : null;
        }
      } else {
        s.execute(ALEMBIC_DDL);
      }
      if (HEAD_REVISION.equals(revision) || STATE_TABLE_REVISION.equals(revision)) {
        return;
      }
      if (tables(c).contains("state")) {
        s.execute("DROP TABLE state");
      }
      s.execute(SQLITE_DDL);
      s.execute("DELETE FROM alembic_version");
      s.execute("INSERT INTO alembic_version (version_num) VALUES ('" + HEAD_REVISION + "')");
    }
  }

  /** The names of the tables of a SQLite database, in name order. */
  static java.util.List<String> tables(Connection c) throws SQLException {
    java.util.List<String> names = new java.util.ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
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
