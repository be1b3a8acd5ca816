package io.statestore.testkit;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.StateBackend;
import java.time.Clock;

/** A fault-injecting decorator with no fault on keeps the contract of the backend it wraps. */
class FaultyBackendContractTest extends BackendContractTest {
  private MemoryBackend inner;

  @Override
  protected StateBackend createBackend() {
    inner = new MemoryBackend("faulty", Clock.systemUTC());
    return new FaultyBackend(inner);
  }

  @Override
  protected StateBackend openAgain() {
    return new FaultyBackend(sameInstance(inner));
  }
}
