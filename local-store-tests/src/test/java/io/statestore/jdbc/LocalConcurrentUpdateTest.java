package io.statestore.jdbc;

import io.statestore.jdbc.reliability.LocalStores;
import io.statestore.jdbc.reliability.Urls;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ConcurrentUpdateContract} on the local stores other processes can open too: a file
 * directory and an H2 system database. Short lock timings keep it fast; writes hold a lock for
 * milliseconds.
 */
@ParameterizedClass(name = "{0}")
@ValueSource(strings = {"file", "h2"})
class LocalConcurrentUpdateTest extends ConcurrentUpdateContract {
  @Parameter String kind;
  @TempDir Path dir;

  @Override
  protected String url() {
    return Urls.with(LocalStores.of(kind, dir).url(), Map.of("lock_retry_seconds", "0.01"));
  }
}
