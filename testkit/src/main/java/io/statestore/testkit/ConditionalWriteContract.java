package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Conditional writes, the primitives locking and compare-and-set rest on: create only where absent,
 * replace or delete only at a version; of clients racing on two instances over the same store,
 * exactly one wins each time, and read-modify-write loops on both lose no update.
 */
public interface ConditionalWriteContract extends ContractFixture {
  /** The backend instance racer {@code i} uses: even racers the first, odd ones the second. */
  private StateBackend client(int i) {
    return i % 2 == 0 ? backend() : second();
  }

  @Test
  @Timeout(60)
  default void exactlyOneOfManyRacingCreatorsWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "race-" + round;
      exactlyOneWins(
          "round " + round,
          ErrorKind.ALREADY_EXISTS,
          client -> client.write(id, ObjectKind.LOCK, Contracts.lockNow(), Precondition.absent()));
    }
  }

  @Test
  @Timeout(60)
  default void exactlyOneOfManyRacingTakersWins() throws Exception {
    for (int round = 0; round < 5; round++) {
      String id = "takeover-" + round;
      Version stale =
          backend()
              .write(id, ObjectKind.LOCK, Contracts.utf8("1000000000.5"), Precondition.absent());
      exactlyOneWins(
          "round " + round,
          ErrorKind.CONFLICT,
          client ->
              client.write(id, ObjectKind.LOCK, Contracts.lockNow(), Precondition.matches(stale)));
    }
  }

  /**
   * Eight racers, alternately on the first and the second instance, each make the same conditional
   * write at once: exactly one succeeds, the others fail with {@code loss}.
   */
  private void exactlyOneWins(String what, ErrorKind loss, Consumer<StateBackend> write)
      throws Exception {
    List<Boolean> wins =
        Contracts.race(
            8,
            i ->
                () -> {
                  try {
                    write.accept(client(i));
                    return true;
                  } catch (StateStoreException e) {
                    if (e.kind() != loss) {
                      throw e;
                    }
                    return false;
                  }
                });
    assertEquals(1, wins.stream().filter(w -> w).count(), what + ": " + wins);
  }

  @Test
  @Timeout(120)
  default void concurrentReadModifyWriteLosesNothing() throws Exception {
    store().insert("counter", "{\"completed\": {\"n\": 0}}", Deadline.none());
    int threads = 4;
    int perThread = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        StateStore mine = t % 2 == 0 ? store() : secondStore();
        futures.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < perThread; i++) {
                    Contracts.increment(mine, "counter");
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(100, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(
        "{\"completed\": {\"n\": " + threads * perThread + "}, \"partial\": {}}",
        store().get("counter").orElseThrow().bodyText());
  }

  @Test
  default void createIfAbsentRefusesExisting() {
    backend().write("a", ObjectKind.STATE, Contracts.docBytes("1"), Precondition.absent());
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        Contracts.kindOf(
            () ->
                backend()
                    .write("a", ObjectKind.STATE, Contracts.docBytes("2"), Precondition.absent())));
    assertArrayEquals(
        Contracts.docBytes("1"), backend().read("a", ObjectKind.STATE).orElseThrow().content());
  }

  @Test
  default void replaceIfVersionRefusesOtherVersions() {
    Version v1 =
        backend().write("a", ObjectKind.STATE, Contracts.docBytes("1"), Precondition.none());
    Version v2 =
        backend().write("a", ObjectKind.STATE, Contracts.docBytes("2"), Precondition.matches(v1));
    assertEquals(
        ErrorKind.CONFLICT,
        Contracts.kindOf(
            () ->
                backend()
                    .write(
                        "a", ObjectKind.STATE, Contracts.docBytes("3"), Precondition.matches(v1))));
    assertArrayEquals(
        Contracts.docBytes("2"), backend().read("a", ObjectKind.STATE).orElseThrow().content());
    assertEquals(
        ErrorKind.CONFLICT,
        Contracts.kindOf(
            () ->
                backend()
                    .write(
                        "missing",
                        ObjectKind.STATE,
                        Contracts.docBytes("3"),
                        Precondition.matches(v2))));
    assertTrue(backend().read("missing", ObjectKind.STATE).isEmpty());
  }

  @Test
  default void deleteOfMissingIsFalseAndConditionalDeleteChecksVersion() {
    assertFalse(backend().delete("missing", ObjectKind.STATE, Precondition.none()));
    Version v1 =
        backend().write("d", ObjectKind.STATE, Contracts.docBytes("1"), Precondition.none());
    backend().write("d", ObjectKind.STATE, Contracts.docBytes("2"), Precondition.none());
    assertEquals(
        ErrorKind.CONFLICT,
        Contracts.kindOf(() -> backend().delete("d", ObjectKind.STATE, Precondition.matches(v1))));
    assertTrue(backend().read("d", ObjectKind.STATE).isPresent());
    Version v3 = backend().read("d", ObjectKind.STATE).orElseThrow().version();
    assertTrue(backend().delete("d", ObjectKind.STATE, Precondition.matches(v3)));
    assertTrue(backend().read("d", ObjectKind.STATE).isEmpty());
    assertEquals(List.of(), ids(ObjectKind.STATE, "d"));
  }

  @Test
  default void insertRefusesDuplicatesAndWritesNothing() {
    store().insert("dup", Contracts.doc("1"), Deadline.none());
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> store().insert("dup", Contracts.doc("2"), Deadline.none()));
    assertEquals(ErrorKind.ALREADY_EXISTS, e.kind());
    assertTrue(e.getMessage().contains("'dup'"));
    assertTrue(store().get("dup").orElseThrow().bodyText().contains("\"1\""));
    assertTrue(backend().read("dup", ObjectKind.LOCK).isEmpty(), "lock released after a failure");
  }

  @Test
  default void replaceIsCompareAndSet() {
    store().insert("cas", Contracts.doc("1"), Deadline.none());
    StateRecord read = store().get("cas").orElseThrow();
    store().replace("cas", Contracts.doc("2"), read.version(), Deadline.none());
    assertEquals(
        ErrorKind.CONFLICT,
        Contracts.kindOf(
            () -> store().replace("cas", Contracts.doc("3"), read.version(), Deadline.none())));
    assertTrue(store().get("cas").orElseThrow().bodyText().contains("\"2\""));
  }

  @Test
  default void deleteRemovesTheStateAndReportsMissing() {
    store().upsert("gone", Contracts.doc("1"), Deadline.none());
    assertTrue(store().delete("gone", null, Deadline.none()));
    assertFalse(store().delete("gone", null, Deadline.none()));
    assertTrue(store().get("gone").isEmpty());
    Optional<StoredObject> lock = backend().read("gone", ObjectKind.LOCK);
    assertTrue(lock.isEmpty());
  }
}
