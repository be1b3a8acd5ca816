package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link CrashSafetyContract} on the h2 store. */
class H2CrashSafetyTest extends CrashSafetyContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.h2(dir);
  }
}
