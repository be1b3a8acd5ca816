package io.statestore.clients;

/** The three stores every client suite runs against. */
public enum StoreKind {
  /** {@code file:} in a temporary directory, Meltano's local filesystem layout. */
  FILE,
  /** {@code systemdb:} over an H2 file database in a temporary directory. */
  SYSTEMDB_H2,
  /** The embedded default ({@code jdbc:statestore:}), its home moved to a temporary directory. */
  EMBEDDED_DEFAULT
}
