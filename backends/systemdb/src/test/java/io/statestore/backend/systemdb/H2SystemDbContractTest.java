package io.statestore.backend.systemdb;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;
import java.time.Clock;
import java.util.UUID;

/** The contract suite on a fresh in-memory H2 database per test; the tables are created. */
class H2SystemDbContractTest extends BackendContractTest {
  private String url;

  @Override
  protected StateBackend createBackend() {
    url = "jdbc:h2:mem:contract-" + UUID.randomUUID();
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
