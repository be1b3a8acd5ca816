package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link CrashSafetyContract} on each local store: a file directory and an H2 system database. A
 * state write on H2 is one transaction, whose atomicity is H2's own; on files it is a rename. At CI
 * size 3 rounds (9 kills) each.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"file", "h2"})
class LocalCrashSafetyTest extends CrashSafetyContract {
  @Parameter String kind;
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.of(kind, dir);
  }

  @Override
  protected int rounds() {
    return Scale.of(7, 3);
  }
}
