package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link CrashSafetyContract} on the file store: 21 kills at full size, 12 at CI size (each round
 * starts three JVMs, the bulk of the test's time on a two-core machine).
 */
class FileCrashSafetyTest extends CrashSafetyContract {
  @TempDir Path dir;

  @Override
  protected int rounds() {
    return Scale.of(7, 4);
  }

  @Override
  protected StoreFixture store() {
    return LocalStores.file(dir);
  }
}
