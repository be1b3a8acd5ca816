package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link LostUpdateTortureContract} on the h2 store. */
class H2LostUpdateTortureTest extends LostUpdateTortureContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.h2(dir);
  }
}
