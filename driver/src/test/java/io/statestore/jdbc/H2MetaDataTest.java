package io.statestore.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Metadata of a system database on H2, the embedded default's store. */
class H2MetaDataTest extends MetaDataContract {
  @TempDir Path dir;

  @Override
  protected String url() {
    return "jdbc:statestore:systemdb:jdbc:h2:file:" + dir.toAbsolutePath().resolve("db");
  }
}
