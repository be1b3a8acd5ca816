package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link BadInputContract} on the file store. */
class FileBadInputTest extends BadInputContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.file(dir);
  }
}
