package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.LockTimestamps;
import io.statestore.core.StateLock;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Meltano's lock protocol on the store: the lock holds the UTC epoch seconds as Python prints them,
 * a held lock is waited for (also by a client on a second instance), a fresh foreign lock is
 * respected until the deadline, a stale one is taken over, and any lock can be forced open.
 */
public interface LockContract extends ContractFixture {
  @Test
  @Timeout(30)
  default void heldLockIsWaitedForThenTaken() throws Exception {
    StateLock first = store().lock("w", Deadline.none());
    AtomicBoolean released = new AtomicBoolean();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<Boolean> second =
          pool.submit(
              () -> {
                try (StateLock l = secondStore().lock("w", Deadline.none())) {
                  return released.get();
                }
              });
      Thread.sleep(300);
      assertFalse(second.isDone(), "waits while the lock is held");
      released.set(true);
      first.close();
      assertTrue(second.get(10, TimeUnit.SECONDS), "took the lock after its release");
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  @Timeout(60)
  default void twoClientsTakingOverOneStaleLockWriteOneAfterTheOther() throws Exception {
    store().insert("st", "{\"completed\": {\"n\": 0}}", Deadline.none());
    Instant old = Instant.now().minus(Duration.ofHours(1));
    backend().write("st", ObjectKind.LOCK, LockTimestamps.format(old), Precondition.absent());
    List<Boolean> done =
        Contracts.race(
            2,
            i ->
                () -> {
                  Contracts.increment(i == 0 ? store() : secondStore(), "st");
                  return true;
                });
    assertEquals(List.of(true, true), done);
    assertTrue(store().get("st").orElseThrow().bodyText().contains("\"n\": 2"));
    assertTrue(backend().read("st", ObjectKind.LOCK).isEmpty(), "no lock left behind");
  }

  @Test
  default void lockIsMeltanoTimestampAndIsReleased() {
    Instant before = Instant.now().minusSeconds(1);
    try (StateLock lock = store().lock("l", Deadline.none())) {
      StoredObject o = backend().read("l", ObjectKind.LOCK).orElseThrow();
      String text = new String(o.content(), StandardCharsets.US_ASCII);
      assertTrue(
          text.matches("\\d{10}\\.\\d{1,6}"), "epoch seconds as Python prints them: " + text);
      Instant at = LockTimestamps.parse(o.content()).orElseThrow();
      assertTrue(!at.isBefore(before) && at.isBefore(Instant.now().plusSeconds(1)));
      assertEquals("l", lock.stateId());
    }
    assertTrue(backend().read("l", ObjectKind.LOCK).isEmpty());
  }

  @Test
  default void freshForeignLockIsRespectedUntilTheDeadline() {
    backend()
        .write("f", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    long t0 = System.nanoTime();
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () ->
                store()
                    .upsert("f", Contracts.doc("1"), Deadline.after(Duration.ofMillis(300), null)));
    assertEquals(ErrorKind.TIMEOUT, e.kind());
    assertTrue(e.getMessage().contains("'f'"), e.getMessage());
    assertTrue(System.nanoTime() - t0 >= 250_000_000L);
    assertTrue(store().get("f").isEmpty(), "nothing written");
    assertTrue(backend().read("f", ObjectKind.LOCK).isPresent(), "foreign lock left alone");
  }

  @Test
  default void staleLockIsTakenOver() {
    Instant old = Instant.now().minus(Duration.ofHours(1));
    backend().write("s", ObjectKind.LOCK, LockTimestamps.format(old), Precondition.absent());
    store()
        .upsert("s", Contracts.doc("after-takeover"), Deadline.after(Duration.ofSeconds(5), null));
    assertTrue(store().get("s").orElseThrow().bodyText().contains("after-takeover"));
    assertTrue(backend().read("s", ObjectKind.LOCK).isEmpty(), "lock released after the write");
  }

  @Test
  default void lockBecomesStaleAfterTheTimeout() {
    backend()
        .write("t", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    long t0 = System.nanoTime();
    store().upsert("t", Contracts.doc("1"), Deadline.after(Duration.ofSeconds(20), null));
    long waitedMs = (System.nanoTime() - t0) / 1_000_000;
    assertTrue(waitedMs >= 1_500, "waited for the 2 s timeout, waited " + waitedMs + " ms");
  }

  @Test
  default void forceUnlockRemovesAnyLock() {
    backend()
        .write("fu", ObjectKind.LOCK, LockTimestamps.format(Instant.now()), Precondition.absent());
    assertEquals(1, store().locks("", Deadline.none()).count());
    assertTrue(store().forceUnlock("fu"));
    assertFalse(store().forceUnlock("fu"));
    assertEquals(0, store().locks("", Deadline.none()).count());
  }
}
