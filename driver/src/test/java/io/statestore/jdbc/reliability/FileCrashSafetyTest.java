package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashSafetyContract} on the file store. */
class FileCrashSafetyTest extends CrashSafetyContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.file(dir);
  }
}
