package io.statestore.testkit;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.StateBackend;
import java.time.Clock;

/** Proves the contract suite itself on the reference backend. */
class MemoryBackendContractTest extends BackendContractTest {
  @Override
  protected StateBackend createBackend() {
    return new MemoryBackend("contract", Clock.systemUTC());
  }

  @Override
  protected StateBackend openAgain() {
    return sameInstance(backend);
  }
}
