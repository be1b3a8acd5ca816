package io.statestore.backend.file;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import java.util.List;

/** The settings of the {@code file} backend, declared once for parsing, validation and docs. */
public final class FileSettings {

  /** How a state id names its directory; see {@link FileLayout}. */
  public static final SettingDefinition LAYOUT =
      SettingDefinition.builder("file.layout", SettingKind.STRING)
          .label("Directory layout")
          .description(
              "How a state id names its directory under the store directory: posix uses the id"
                  + " itself, as Meltano does on Linux and macOS; base64 uses the standard, padded"
                  + " base64 of the id's UTF-8 bytes, as Meltano does on Windows (ids up to 189"
                  + " bytes, and none whose base64 contains '/').")
          .defaultValue(FileLayout.POSIX.settingValue())
          .choices(FileLayout.POSIX.settingValue(), FileLayout.BASE64.settingValue())
          .build();

  /** Whether writes are flushed to disk before they return. */
  public static final SettingDefinition FSYNC =
      SettingDefinition.builder("file.fsync", SettingKind.BOOL)
          .label("Sync to disk")
          .description(
              "Flush each written file and its directory to disk before a write returns, so a"
                  + " power loss cannot lose or tear a state. Turn off only for throwaway stores.")
          .defaultValue("true")
          .build();

  /** All of them, in documentation order. */
  public static final List<SettingDefinition> ALL = List.of(LAYOUT, FSYNC);

  private FileSettings() {}
}
