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
                  + " completed_state and updated_at; created if missing. A plain or"
                  + " schema-qualified SQL name.")
          .defaultValue("state")
          .build();

  /** The side table holding statestore's locks (Meltano takes no lock on its system database). */
  public static final SettingDefinition LOCK_TABLE =
      SettingDefinition.builder("systemdb.lock_table", SettingKind.STRING)
          .label("Lock table")
          .description(
              "The table holding statestore's locks (Meltano takes none on its system database);"
                  + " created if missing. A plain or schema-qualified SQL name.")
          .defaultValue("statestore_lock")
          .build();

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL = List.of(USER, PASSWORD, TABLE, LOCK_TABLE);

  private SystemDbSettings() {}
}
