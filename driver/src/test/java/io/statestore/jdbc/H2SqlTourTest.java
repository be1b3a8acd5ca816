package io.statestore.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQL tour on the systemdb backend over an H2 file database. */
class H2SqlTourTest extends SqlTourContract {
  @TempDir Path dir;

  @Override
  protected String url() {
    return "jdbc:statestore:systemdb:jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
  }
}
