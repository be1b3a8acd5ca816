package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadContract} on the file store. */
class FileLoadTest extends LoadContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.file(dir);
  }
}
