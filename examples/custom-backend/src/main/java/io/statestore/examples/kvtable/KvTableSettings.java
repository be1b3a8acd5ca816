package io.statestore.examples.kvtable;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.List;

/**
 * The settings of the {@code kvtable} backend. Declaring them is all it takes for the driver to
 * accept them as properties or {@code ?key=value} pairs, list them in {@code getPropertyInfo} and
 * keep the sensitive one out of every message.
 */
public final class KvTableSettings {
  /** The table holding the objects; created when missing. */
  public static final SettingDefinition TABLE =
      SettingDefinition.builder("kvtable.table", SettingKind.STRING)
          .label("Table")
          .defaultValue("statestore_kv")
          .description("The key-value table holding the objects; created if missing.")
          .build();

  /** The database user. */
  public static final SettingDefinition USER =
      SettingDefinition.builder("kvtable.user", SettingKind.STRING)
          .label("User")
          .aliases("user")
          .description("The database user; JDBC's user property is read as this setting.")
          .build();

  /** The database password: sensitive, so never shown or logged. */
  public static final SettingDefinition PASSWORD =
      SettingDefinition.builder("kvtable.password", SettingKind.SECRET)
          .label("Password")
          .aliases("password")
          .envVar("KVTABLE_PASSWORD")
          .description("The database password; JDBC's password property is read as this setting.")
          .build();

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL = List.of(TABLE, USER, PASSWORD);

  private KvTableSettings() {}
}
