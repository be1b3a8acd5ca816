package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link StaleLockContract} on the file store. */
class FileStaleLockTest extends StaleLockContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.file(dir);
  }
}
