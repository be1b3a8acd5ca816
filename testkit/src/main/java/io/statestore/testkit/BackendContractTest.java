package io.statestore.testkit;

import io.statestore.core.StateStore;
import io.statestore.core.StoreOptions;
import io.statestore.spi.ForwardingBackend;
import io.statestore.spi.StateBackend;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Timeout;

/**
 * The contract every backend must pass, as one class to extend: it runs every capability suite of
 * the kit ({@link StorageContract}, {@link ListingContract}, {@link ConditionalWriteContract},
 * {@link LockContract}, {@link LimitsContract}). A backend module supplies {@link
 * #createBackend()}, an empty store each time, and {@link #openAgain()}, a second client over that
 * same store; the suites then check the SPI's primitives directly and the full {@link StateStore}
 * (locking, rules) on top of them, with races run across the two clients, as two processes or
 * machines would race.
 *
 * <p>Ids: a backend declares the ids its store can hold with {@link StateBackend#idRule()}
 * (default: {@link io.statestore.spi.StateIdRule#portable()}). The suite holds it to that
 * declaration: every id the rule accepts is written, listed under its own prefix and read back, the
 * longest id the rule allows is held and one character more is refused, and an id the rule refuses
 * is refused with {@code INVALID_INPUT} naming the rule, with nothing written.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
public abstract class BackendContractTest
    implements StorageContract,
        ListingContract,
        ConditionalWriteContract,
        LockContract,
        LimitsContract {

  /** The backend under test, fresh and empty for each test. */
  protected StateBackend backend;

  /** A store over {@link #backend} with short lock timings so the suite runs fast. */
  protected StateStore store;

  /** A second client over the same store, and a store over it. */
  private StateBackend second;

  private StateStore secondStore;

  /** Returns a new, empty backend. Called once per test. */
  protected abstract StateBackend createBackend() throws Exception;

  /**
   * Returns another, independent backend instance over the store the last {@link #createBackend()}
   * made, opened as another process would open it (its own connections, caches and clients). Called
   * once per test, after {@link #createBackend()}.
   */
  protected abstract StateBackend openAgain() throws Exception;

  /**
   * A second handle on an in-process backend that has no other way to be opened twice (a memory
   * store): it forwards every call, and closing it leaves the backend open.
   */
  protected static StateBackend sameInstance(StateBackend backend) {
    return new ForwardingBackend(backend) {
      @Override
      public void close() {
        // the first handle closes the backend
      }
    };
  }

  /** Store options for the suite: 2 s lock timeout, 50 ms retry. Override to change. */
  protected StoreOptions options() {
    return StoreOptions.defaults().withLockTiming(Duration.ofSeconds(2), Duration.ofMillis(50));
  }

  /** How many states the listing tests create; more than one page on most stores. */
  protected int listingSize() {
    return 1_100;
  }

  /** Whether the backend stores arbitrary bytes verbatim (false: it re-renders documents). */
  protected boolean storesBytesVerbatim() {
    return true;
  }

  /** A state document in Meltano's rendering whose bookmark is {@code value}. */
  protected static String doc(String value) {
    return Contracts.doc(value);
  }

  @BeforeEach
  void openBackend() throws Exception {
    backend = createBackend();
    store = new StateStore(backend, options());
    second = openAgain();
    secondStore = new StateStore(second, options());
  }

  @AfterEach
  void closeBackend() {
    if (secondStore != null) {
      secondStore.close();
    }
    if (store != null) {
      store.close();
    }
  }

  @Override
  public final StateBackend backend() {
    return backend;
  }

  @Override
  public final StateBackend second() {
    return second;
  }

  @Override
  public final StateStore store() {
    return store;
  }

  @Override
  public final StateStore secondStore() {
    return secondStore;
  }

  @Override
  public final int listingStates() {
    return listingSize();
  }

  @Override
  public final boolean bytesVerbatim() {
    return storesBytesVerbatim();
  }
}
