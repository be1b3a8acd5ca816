package io.statestore.testkit;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.StateBackend;
import java.time.Clock;

/** A counting decorator keeps the contract of the backend it wraps. */
class CountingBackendContractTest extends BackendContractTest {
  private MemoryBackend inner;

  @Override
  protected StateBackend createBackend() {
    inner = new MemoryBackend("counted", Clock.systemUTC());
    return new CountingBackend(inner);
  }

  @Override
  protected StateBackend openAgain() {
    return new CountingBackend(sameInstance(inner));
  }
}
