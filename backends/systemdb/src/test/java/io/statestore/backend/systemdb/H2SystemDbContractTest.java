package io.statestore.backend.systemdb;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;
import java.util.UUID;

/** The contract suite on an in-memory H2 database with Meltano's table. */
class H2SystemDbContractTest extends BackendContractTest {
  @Override
  protected StateBackend createBackend() {
    return new SystemDbBackend(
        "jdbc:h2:mem:c" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=0",
        null,
        null,
        "state");
  }

  @Override
  protected boolean storesBytesVerbatim() {
    return false;
  }
}
