package io.statestore.cli;

/** How a verb prints rows: {@code text} for people, {@code json} and {@code csv} for scripts. */
enum OutputFormat {
  /** Tab-separated columns, no header. */
  text,
  /** One JSON array of objects, one per row, on one line. */
  json,
  /** RFC 4180 CSV with a header line. */
  csv
}
