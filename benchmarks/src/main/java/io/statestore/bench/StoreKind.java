package io.statestore.bench;

import java.nio.file.Path;
import java.util.List;

/** The stores the scenarios run on: a file directory and Meltano's table in an H2 database. */
public enum StoreKind {
  /** {@code file:///dir}: Meltano's local filesystem layout. */
  FILE("file"),
  /** {@code systemdb:jdbc:h2:file:...}: Meltano's system database table in H2. */
  SYSTEMDB("systemdb/H2");

  private final String label;

  StoreKind(String label) {
    this.label = label;
  }

  /** A short label for the result table. */
  public String label() {
    return label;
  }

  /** Fills a new store in {@code dir} with the given states. */
  public void populate(Path dir, List<String> ids) throws Exception {
    if (this == FILE) {
      Fixtures.populateFiles(dir, ids);
    } else {
      Fixtures.populateSystemDb(dir, ids);
    }
  }

  /** The statestore JDBC URL of the store in {@code dir}. */
  public String url(Path dir) {
    return this == FILE ? Fixtures.fileUrl(dir) : Fixtures.systemDbUrl(dir);
  }

  /** The store URI (without {@code jdbc:statestore:}) of the store in {@code dir}. */
  public String uri(Path dir) {
    return url(dir).substring("jdbc:statestore:".length());
  }
}
