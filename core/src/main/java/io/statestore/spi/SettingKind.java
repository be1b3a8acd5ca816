package io.statestore.spi;

/** The type of a setting's value; drives parsing and validation. */
public enum SettingKind {
  /** Free text. */
  STRING,
  /** A whole number. */
  INT,
  /** A decimal number (e.g. seconds with a fraction). */
  DECIMAL,
  /** {@code true} or {@code false}. */
  BOOL,
  /** A file system path. */
  PATH,
  /** A secret such as a key or a connection string; always sensitive. */
  SECRET
}
