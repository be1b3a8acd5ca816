package io.statestore.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Metadata of the file store. */
class FileMetaDataTest extends MetaDataContract {
  @TempDir Path dir;

  @Override
  protected String url() {
    return "jdbc:statestore:file://" + dir.toAbsolutePath();
  }
}
