package io.statestore.bench;

import io.statestore.core.StateStores;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;
import java.util.Map;

/**
 * The benchmarks' scheme {@code latency:<store URI>}: a {@link LatencyBackend} over another store,
 * {@code latency.millis} (default 20) per request. Only the benchmarks jar installs it.
 */
public final class LatencyBackendProvider implements StateBackendProvider {
  /** The round trip each request waits, in milliseconds. */
  public static final SettingDefinition MILLIS =
      SettingDefinition.builder("latency.millis", SettingKind.INT)
          .description("Milliseconds each request to the wrapped store waits first.")
          .defaultValue("20")
          .build();

  @Override
  public String scheme() {
    return "latency";
  }

  @Override
  public List<SettingDefinition> settings() {
    return List.of(MILLIS);
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    long millis = settings.findLong(MILLIS).orElse(20L);
    StateBackend inner = StateStores.open(location.specific(), Map.of()).backend();
    return new LatencyBackend(inner, millis * 1_000_000L);
  }
}
