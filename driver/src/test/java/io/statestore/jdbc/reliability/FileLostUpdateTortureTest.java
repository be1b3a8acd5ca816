package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link LostUpdateTortureContract} on the file store. */
class FileLostUpdateTortureTest extends LostUpdateTortureContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.file(dir);
  }
}
