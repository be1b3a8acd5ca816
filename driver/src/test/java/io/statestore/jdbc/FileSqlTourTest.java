package io.statestore.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The SQL tour on the file backend. */
class FileSqlTourTest extends SqlTourContract {
  @TempDir Path dir;

  @Override
  protected String url() {
    return "jdbc:statestore:file://" + dir.toAbsolutePath();
  }
}
