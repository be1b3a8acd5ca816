package io.statestore.backend.systemdb;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract suite on a SQLite file whose state table was created by Meltano's own DDL first, as
 * in a real {@code .meltano/meltano.db}.
 */
class SqliteSystemDbContractTest extends BackendContractTest {
  @TempDir Path dir;
  private String url;

  @Override
  protected StateBackend createBackend() throws Exception {
    url = MeltanoTables.createSqlite(dir.resolve("meltano.db"));
    return SystemDbBackend.open(SystemDbConfig.of(url), Clock.systemDefaultZone());
  }

  @Override
  protected StateBackend openAgain() {
    return SystemDbBackend.open(SystemDbConfig.of(url), Clock.systemDefaultZone());
  }

  @Override
  protected boolean storesBytesVerbatim() {
    return false; // the body is split into Meltano's two JSON columns
  }
}
