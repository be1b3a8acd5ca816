package io.statestore.jdbc;

import io.statestore.jdbc.reliability.LocalStores;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MetaDataContract} on each local store: in memory, a file directory and an H2 system
 * database.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"memory", "file", "h2"})
class LocalMetaDataTest extends MetaDataContract {
  @Parameter String kind;
  @TempDir Path dir;

  @Override
  protected String url() {
    return LocalStores.of(kind, dir).url();
  }
}
