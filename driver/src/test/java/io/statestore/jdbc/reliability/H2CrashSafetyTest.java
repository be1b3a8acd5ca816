package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashSafetyContract} on the h2 store. A state write is one H2 transaction, whose atomicity
 * is H2's own; at CI size 3 rounds (9 kills) check that statestore adds nothing that could tear it.
 */
class H2CrashSafetyTest extends CrashSafetyContract {
  @TempDir Path dir;

  @Override
  protected int rounds() {
    return Scale.of(7, 3);
  }

  @Override
  protected StoreFixture store() {
    return LocalStores.h2(dir);
  }
}
