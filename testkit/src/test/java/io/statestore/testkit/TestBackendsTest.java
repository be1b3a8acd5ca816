package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The counting and faulty stores do what their documentation says, by URI and by hand. */
class TestBackendsTest {
  private static final byte[] DOC = "{\"completed\": {}}".getBytes(StandardCharsets.UTF_8);

  private static String fresh() {
    return "memory:testkit-" + UUID.randomUUID();
  }

  @Test
  void countingCountsStateReadsAndListingsUntilReset() {
    String inner = fresh();
    CountingBackend counting = CountingBackendProvider.store(inner);
    counting.write("prod:a", ObjectKind.STATE, DOC, Precondition.none());
    counting.write("prod:a", ObjectKind.LOCK, DOC, Precondition.none());
    counting.read("prod:a", ObjectKind.STATE);
    counting.read("prod:a", ObjectKind.LOCK);
    try (var listed = counting.list(ObjectKind.STATE, "prod:")) {
      assertEquals(1, listed.count());
    }
    counting.list(ObjectKind.LOCK, "").close();
    assertEquals(1, counting.stateReads(), "locks are not counted");
    assertEquals(List.of("prod:"), counting.listedStatePrefixes());
    counting.reset();
    assertEquals(0, counting.stateReads());
    assertEquals(List.of(), counting.listedStatePrefixes());
  }

  @Test
  void connectionsByUriShareOneStoreThatOutlivesThem() {
    String inner = fresh();
    try (StateStore store = StateStores.open("counting:" + inner, Map.of())) {
      store.backend().write("a", ObjectKind.STATE, DOC, Precondition.none());
    }
    try (StateStore store = StateStores.open("counting:" + inner, Map.of())) {
      assertTrue(store.backend().read("a", ObjectKind.STATE).isPresent());
    }
    CountingBackend shared = CountingBackendProvider.store(inner);
    assertSame(shared, CountingBackendProvider.store(inner));
    assertTrue(shared.read("a", ObjectKind.STATE).isPresent(), "still open after both closed");
    assertEquals(2, shared.stateReads());
  }

  @Test
  void faultyFailsWritesOfOneKindUntilCleared() {
    String inner = fresh();
    FaultyBackend faulty = FaultyBackendProvider.store(inner);
    faulty.failWrites(ObjectKind.STATE, ErrorKind.UNAVAILABLE, "the store is down");
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> faulty.write("a", ObjectKind.STATE, DOC, Precondition.none()));
    assertEquals(ErrorKind.UNAVAILABLE, e.kind());
    assertEquals("the store is down (faulty " + inner + ")", e.getMessage());
    assertThrows(
        StateStoreException.class, () -> faulty.delete("a", ObjectKind.STATE, Precondition.none()));
    faulty.write("a", ObjectKind.LOCK, DOC, Precondition.none());
    assertEquals(2, faulty.failedWrites());
    faulty.clear();
    faulty.write("a", ObjectKind.STATE, DOC, Precondition.none());
    assertTrue(faulty.delegate().read("a", ObjectKind.STATE).isPresent());
  }

  @Test
  void faultyThrowsTheReadFailureItIsGiven() {
    FaultyBackend faulty = FaultyBackendProvider.store(fresh());
    faulty.write("a", ObjectKind.STATE, DOC, Precondition.none());
    IllegalStateException bug = new IllegalStateException("backend bug");
    faulty.failReads(ObjectKind.STATE, bug);
    assertSame(
        bug, assertThrows(IllegalStateException.class, () -> faulty.read("a", ObjectKind.STATE)));
    assertTrue(faulty.read("a", ObjectKind.LOCK).isEmpty());
    faulty.clear();
    assertTrue(faulty.read("a", ObjectKind.STATE).isPresent());
  }
}
