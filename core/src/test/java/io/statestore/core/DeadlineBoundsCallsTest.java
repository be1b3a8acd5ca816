package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ForwardingBackend;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateStoreException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A statement's deadline bounds reads, listings and lock attempts of a store that stalls. */
class DeadlineBoundsCallsTest {

  /** A memory store whose reads, writes and listings stall until released. */
  static final class StallingBackend extends ForwardingBackend {
    final MemoryBackend inner;
    final CountDownLatch go = new CountDownLatch(1);

    StallingBackend() {
      this(new MemoryBackend("stalling", Clock.systemUTC()));
    }

    private StallingBackend(MemoryBackend inner) {
      super(inner);
      this.inner = inner;
    }

    @Override
    protected void beforeRequest(Request request) {
      try {
        if (request != Request.DELETE && !go.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }

    @Override
    public String describe() {
      return "stalling test store";
    }
  }

  private static Deadline inMillis(long ms) {
    return Deadline.after(Duration.ofMillis(ms), null);
  }

  @Test
  void readsAndListingsGiveUpAtTheDeadline() {
    StallingBackend backend = new StallingBackend();
    StateStore store = new StateStore(backend, StoreOptions.defaults().withFallbackDir(null));
    long start = System.nanoTime();
    StateStoreException read =
        assertThrows(StateStoreException.class, () -> store.get("a", inMillis(300)));
    assertEquals(ErrorKind.TIMEOUT, read.kind(), read.getMessage());
    StateStoreException list =
        assertThrows(StateStoreException.class, () -> store.list("", inMillis(300)).findFirst());
    assertEquals(ErrorKind.TIMEOUT, list.kind(), list.getMessage());
    long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertTrue(ms < 3_000, "took " + ms + " ms");
    backend.go.countDown();
    assertEquals(Optional.empty(), store.get("a", inMillis(1_000)));
  }

  @Test
  void aLockWrittenAfterItsStatementGaveUpIsReleased() throws Exception {
    StallingBackend backend = new StallingBackend();
    StateStore store = new StateStore(backend, StoreOptions.defaults().withFallbackDir(null));
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> store.upsert("a", "{\"completed\": {}}", inMillis(300)));
    assertEquals(ErrorKind.TIMEOUT, e.kind(), e.getMessage());
    backend.go.countDown(); // the abandoned lock attempt now lands
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    while (backend.inner.read("a", ObjectKind.LOCK).isPresent() && System.nanoTime() < until) {
      Thread.sleep(20);
    }
    assertEquals(Optional.empty(), backend.inner.read("a", ObjectKind.LOCK));
    assertEquals(Optional.empty(), backend.inner.read("a", ObjectKind.STATE));
    store.upsert("a", "{\"completed\": {}}", inMillis(2_000));
    assertTrue(store.get("a").isPresent());
  }
}
