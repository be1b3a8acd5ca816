package io.statestore.jdbc;

import java.util.UUID;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/** Threads on the in-memory store (processes cannot share it). */
class MemoryConcurrentUpdateTest extends ConcurrentUpdateContract {
  @Override
  protected String url() {
    return "jdbc:statestore:memory:concurrent-" + UUID.randomUUID();
  }

  @Override
  @Test
  @Disabled("an in-memory store is private to its JVM")
  void processesLoseNoUpdate() {}
}
