package io.statestore.backend.systemdb;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.List;

/** The settings of the {@code systemdb} backend, declared once for parsing, validation and docs. */
public final class SystemDbSettings {

  /** The database user; JDBC's standard {@code user} property maps onto it. */
  public static final SettingDefinition USER =
      SettingDefinition.builder("systemdb.user", SettingKind.STRING)
          .label("Database user")
          .description(
              "The user to connect to the database as. A user=... parameter of the JDBC URL is"
                  + " read as this setting.")
          .aliases("user")
          .build();

  /** The database password; JDBC's standard {@code password} property maps onto it. */
  public static final SettingDefinition PASSWORD =
      SettingDefinition.builder("systemdb.password", SettingKind.SECRET)
          .label("Database password")
          .description(
              "The password of the database user. A password=... parameter of the JDBC URL is"
                  + " read as this setting.")
          .aliases("password")
          .build();

  /** The table Meltano keeps state in. */
  public static final SettingDefinition TABLE =
      SettingDefinition.builder("systemdb.table", SettingKind.STRING)
          .label("State table")
          .description(
              "The table holding the states, with Meltano's columns state_id, partial_state,"
                  + " completed_state and updated_at; created by the first write if missing (see"
                  + " systemdb.create_table). A plain or schema-qualified SQL name.")
          .defaultValue("state")
          .build();

  /** The side table holding statestore's locks (Meltano takes no lock on its system database). */
  public static final SettingDefinition LOCK_TABLE =
      SettingDefinition.builder("systemdb.lock_table", SettingKind.STRING)
          .label("Lock table")
          .description(
              "The table holding statestore's locks (Meltano takes none on its system database);"
                  + " created by the first write if missing. A plain or schema-qualified SQL name.")
          .defaultValue("statestore_lock")
          .build();

  /**
   * Whether statestore may create Meltano's {@code state} table, and write to it, in a database
   * that Meltano's migrations have not set up.
   */
  public static final SettingDefinition CREATE_TABLE =
      SettingDefinition.builder("systemdb.create_table", SettingKind.BOOL)
          .label("Create the state table")
          .description(
              "Create the table named state when it is missing, and write to it, in a database"
                  + " Meltano's migrations have not set up (no alembic_version table at revision"
                  + " 6828cc5b1a4f or later). Off by default: Meltano's first command in such a"
                  + " database drops the table state with every state in it. Turn on only for a"
                  + " database Meltano never uses. H2 databases (the embedded default) are"
                  + " statestore's own and need no setting.")
          .defaultValue("false")
          .build();

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL =
      List.of(USER, PASSWORD, TABLE, LOCK_TABLE, CREATE_TABLE);

  private SystemDbSettings() {}
}
