package io.statestore.testkit;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.StateBackend;
import java.time.Clock;

/** A fault-injecting decorator with no fault on keeps the contract of the backend it wraps. */
class FaultyBackendContractTest extends BackendContractTest {
  @Override
  protected StateBackend createBackend() {
    return new FaultyBackend(new MemoryBackend("faulty", Clock.systemUTC()));
  }
}
