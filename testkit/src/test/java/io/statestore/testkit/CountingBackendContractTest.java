package io.statestore.testkit;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.StateBackend;
import java.time.Clock;

/** A counting decorator keeps the contract of the backend it wraps. */
class CountingBackendContractTest extends BackendContractTest {
  @Override
  protected StateBackend createBackend() {
    return new CountingBackend(new MemoryBackend("counted", Clock.systemUTC()));
  }
}
