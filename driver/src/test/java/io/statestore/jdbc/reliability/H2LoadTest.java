package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link LoadContract} on the h2 store. */
class H2LoadTest extends LoadContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.h2(dir);
  }
}
