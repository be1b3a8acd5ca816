package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** {@link RandomRoundTripContract} on the h2 store. */
class H2RandomRoundTripTest extends RandomRoundTripContract {
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.h2(dir);
  }
}
