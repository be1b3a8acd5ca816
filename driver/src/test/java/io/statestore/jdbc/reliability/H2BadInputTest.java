package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link BadInputContract} on the h2 store. */
class H2BadInputTest extends BadInputContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.h2(dir);
  }
}
