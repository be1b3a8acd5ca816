package io.statestore.testkit;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;

/**
 * The scheme {@code counting:<store URI>}: a {@link CountingBackend} over any other store, e.g.
 * {@code jdbc:statestore:counting:memory:orders}. Every connection to one URI shares one counting
 * store, opened on first use and kept for the life of the JVM; {@link #store(String)} returns it,
 * so a test can fill the store and read the counts around the code it checks.
 *
 * <p>The scheme is not installed by this library: a test that wants it lists this class in its own
 * {@code META-INF/services/io.statestore.spi.StateBackendProvider}. It declares one secret setting,
 * {@link #TOKEN}, that it otherwise ignores, so that a test can check that a secret never shows in
 * messages, URLs or property listings.
 */
public final class CountingBackendProvider implements StateBackendProvider {
  /** A secret setting nothing uses ({@code counting.token}, also accepted as {@code password}). */
  public static final SettingDefinition TOKEN =
      SettingDefinition.builder("counting.token", SettingKind.SECRET)
          .description("A secret nobody may see.")
          .aliases("password")
          .build();

  private static final SharedStores<CountingBackend> STORES =
      new SharedStores<>(CountingBackend::new);

  /**
   * The counting store over {@code innerUri}, the one {@code counting:<innerUri>} opens.
   *
   * @param innerUri the wrapped store's URI, e.g. {@code memory:orders}
   */
  public static CountingBackend store(String innerUri) {
    return STORES.get(innerUri);
  }

  @Override
  public String scheme() {
    return "counting";
  }

  @Override
  public List<SettingDefinition> settings() {
    return List.of(TOKEN);
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return STORES.handle(location.specific());
  }
}
