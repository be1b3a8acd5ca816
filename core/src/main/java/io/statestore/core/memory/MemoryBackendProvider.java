package io.statestore.core.memory;

import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@code memory:} scheme: {@code memory:name} is a store shared by everything in this JVM that
 * opens the same name; {@code memory:} alone is a new private store.
 */
public final class MemoryBackendProvider implements StateBackendProvider {
  private static final Map<String, MemoryBackend> NAMED = new ConcurrentHashMap<>();

  @Override
  public String scheme() {
    return "memory";
  }

  @Override
  public String description() {
    return "In-memory store, for tests and experiments (lost when the JVM exits)";
  }

  @Override
  public List<SettingDefinition> settings() {
    return List.of();
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    String name = location.specific().replaceFirst("^/+", "");
    if (name.isEmpty()) {
      return new MemoryBackend("(private)", Clock.systemUTC());
    }
    return NAMED.computeIfAbsent(name, n -> new MemoryBackend(n, Clock.systemUTC()));
  }
}
