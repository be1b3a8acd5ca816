package io.statestore.testkit;

import io.statestore.core.StateStores;
import io.statestore.spi.ForwardingBackend;
import io.statestore.spi.StateBackend;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The decorated stores of one test provider, one per inner store URI: opened on first use and kept
 * for the life of the JVM, as memory stores are, so that a test and every connection it makes see
 * the same store, counts and faults.
 *
 * @param <B> the decorator type
 */
final class SharedStores<B extends StateBackend> {
  private final Map<String, B> stores = new ConcurrentHashMap<>();
  private final Function<StateBackend, B> decorator;

  SharedStores(Function<StateBackend, B> decorator) {
    this.decorator = decorator;
  }

  /** The store decorating {@code innerUri}, opened now if this is its first use. */
  B get(String innerUri) {
    return stores.computeIfAbsent(
        innerUri, uri -> decorator.apply(StateStores.open(uri, Map.of()).backend()));
  }

  /** A handle on the shared store for one client: closing it leaves the store open. */
  StateBackend handle(String innerUri) {
    return new ForwardingBackend(get(innerUri)) {
      @Override
      public void close() {
        // The store outlives its clients; see the class comment.
      }
    };
  }
}
