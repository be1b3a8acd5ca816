package io.statestore.examples.kvtable;

import io.statestore.spi.Environment;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StoreLocation;
import io.statestore.testkit.BackendContractTest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** The shared backend contract, run on a fresh in-memory H2 database per test. */
class KvTableBackendContractTest extends BackendContractTest {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private String uri;

  @Override
  protected StateBackend createBackend() {
    uri = "kvtable:jdbc:h2:mem:kv" + DATABASES.incrementAndGet() + ";DB_CLOSE_DELAY=-1";
    return openAgain();
  }

  /** A second provider call on the same URI: its own connection to the same database. */
  @Override
  protected StateBackend openAgain() {
    Settings settings = new Settings(KvTableSettings.ALL, Map.of(), Environment.of(Map.of()));
    return new KvTableBackendProvider().open(StoreLocation.parse(uri), settings);
  }
}
