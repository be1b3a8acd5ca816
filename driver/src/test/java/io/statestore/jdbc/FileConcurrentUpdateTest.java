package io.statestore.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** No lost update on the file backend, across threads and across JVMs. */
class FileConcurrentUpdateTest extends ConcurrentUpdateContract {
  @TempDir Path dir;

  @Override
  protected String url() {
    // Short lock timings keep the test fast; writes hold a lock for milliseconds.
    return "jdbc:statestore:file://" + dir.toAbsolutePath() + "?lock_retry_seconds=0.01";
  }
}
