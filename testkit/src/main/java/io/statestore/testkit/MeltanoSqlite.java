package io.statestore.testkit;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Meltano's system database on SQLite as Meltano's own migrations leave it, for tests of code that
 * shares a store with Meltano. The statements are the ones SQLAlchemy emits for Meltano's migration
 * 6828cc5b1a4f (the {@code state} table: {@code state_id VARCHAR(900)} primary key, the JSON parts
 * as text, {@code updated_at DATETIME}) and for Alembic's version table. Plain JDBC: the caller
 * brings the SQLite driver and the connection.
 */
public final class MeltanoSqlite {
  /** The {@code state} table exactly as Meltano's migration creates it on SQLite. */
  public static final String STATE_TABLE_DDL =
      "CREATE TABLE state (\n"
          + "\tstate_id VARCHAR(900) NOT NULL, \n"
          + "\tpartial_state VARCHAR, \n"
          + "\tcompleted_state VARCHAR, \n"
          + "\tupdated_at DATETIME, \n"
          + "\tPRIMARY KEY (state_id), \n"
          + "\tUNIQUE (state_id)\n"
          + ")";

  /**
   * Alembic's version table as it creates it on SQLite. Meltano's migrations record the revision
   * they reached in it; a database without it is migrated from the start by Meltano's next command.
   */
  public static final String ALEMBIC_VERSION_DDL =
      "CREATE TABLE alembic_version (\n"
          + "\tversion_num VARCHAR(32) NOT NULL, \n"
          + "\tCONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)\n"
          + ")";

  /** Meltano's newest migration (its {@code migrations/db.lock}). */
  public static final String HEAD_REVISION = "c0efb3c314eb";

  private MeltanoSqlite() {}

  /**
   * Creates the {@code state} table and {@code alembic_version} at {@link #HEAD_REVISION} in an
   * empty SQLite database, as a database Meltano has migrated holds them.
   */
  public static void createMigratedTables(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute(STATE_TABLE_DDL);
      s.execute(ALEMBIC_VERSION_DDL);
      s.execute("INSERT INTO alembic_version (version_num) VALUES ('" + HEAD_REVISION + "')");
    }
  }
}
