package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link LostUpdateTortureContract} on each local store: a file directory and an H2 system
 * database.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"file", "h2"})
class LocalLostUpdateTortureTest extends LostUpdateTortureContract {
  @Parameter String kind;
  @TempDir Path dir;

  @Override
  protected StoreFixture store() {
    return LocalStores.of(kind, dir);
  }
}
