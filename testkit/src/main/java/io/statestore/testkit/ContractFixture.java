package io.statestore.testkit;

import io.statestore.core.StateStore;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateBackend;
import java.util.List;

/**
 * What every capability suite of the contract kit runs against: two independent clients of one
 * store, each as a backend and as a {@link StateStore} over it. {@link BackendContractTest} gives
 * them fresh and empty for each test; a backend's author implements that class, not this one.
 */
public interface ContractFixture {
  /** The first client's backend. */
  StateBackend backend();

  /** A second backend instance over the same store, as another process would open it. */
  StateBackend second();

  /** A store over {@link #backend()}, with the suite's short lock timings. */
  StateStore store();

  /** A store over {@link #second()}, with the same options. */
  StateStore secondStore();

  /** How many states the listing tests create: more than one page on most stores. */
  int listingStates();

  /** Whether the backend stores arbitrary bytes verbatim (false: it re-renders documents). */
  boolean bytesVerbatim();

  /** The ids of {@code kind} the first client lists under {@code prefix}, in listing order. */
  default List<String> ids(ObjectKind kind, String prefix) {
    return Contracts.ids(backend(), kind, prefix);
  }
}
