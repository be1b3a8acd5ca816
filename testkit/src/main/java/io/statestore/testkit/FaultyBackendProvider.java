package io.statestore.testkit;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;

/**
 * The scheme {@code faulty:<store URI>}: a {@link FaultyBackend} over any other store, e.g. {@code
 * jdbc:statestore:faulty:file:///tmp/store}. Every connection to one URI shares one faulty store,
 * opened on first use and kept for the life of the JVM; {@link #store(String)} returns it, so a
 * test can switch its faults on and off between statements.
 *
 * <p>The scheme is not installed by this library: a test that wants it lists this class in its own
 * {@code META-INF/services/io.statestore.spi.StateBackendProvider}.
 */
public final class FaultyBackendProvider implements StateBackendProvider {
  private static final SharedStores<FaultyBackend> STORES = new SharedStores<>(FaultyBackend::new);

  /**
   * The faulty store over {@code innerUri}, the one {@code faulty:<innerUri>} opens.
   *
   * @param innerUri the wrapped store's URI, e.g. {@code file:///tmp/store}
   */
  public static FaultyBackend store(String innerUri) {
    return STORES.get(innerUri);
  }

  @Override
  public String scheme() {
    return "faulty";
  }

  @Override
  public List<SettingDefinition> settings() {
    return List.of();
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return STORES.handle(location.specific());
  }
}
