package io.statestore.jdbc;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/**
 * No lost update on the systemdb backend over an H2 file database shared through H2's auto-server
 * mode, across threads and across JVMs (the serving JVM may exit while the others go on).
 */
class H2ConcurrentUpdateTest extends ConcurrentUpdateContract {
  @TempDir Path dir;

  @Override
  protected String url() {
    return "jdbc:statestore:systemdb:jdbc:h2:file:"
        + dir.toAbsolutePath().resolve("db")
        + ";AUTO_SERVER=TRUE?lock_retry_seconds=0.01";
  }
}
