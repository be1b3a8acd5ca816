package io.statestore.jdbc;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.SettingKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A test backend, scheme {@code counting:name}: an in-memory store that records every call, so
 * tests can prove what a query asked of the store. It declares one secret setting to test that
 * secrets never leak.
 */
public final class CountingBackendProvider implements StateBackendProvider {
  static final Map<String, Counting> STORES = new ConcurrentHashMap<>();

  static final SettingDefinition TOKEN =
      SettingDefinition.builder("counting.token", SettingKind.SECRET)
          .description("A secret nobody may see.")
          .aliases("password")
          .build();

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
    return STORES.computeIfAbsent(location.specific(), Counting::new);
  }

  static Counting get(String name) {
    return STORES.computeIfAbsent(name, Counting::new);
  }

  /** The recording backend. */
  static final class Counting implements StateBackend {
    final MemoryBackend inner;
    final AtomicInteger stateReads = new AtomicInteger();
    final List<String> listedPrefixes = new CopyOnWriteArrayList<>();

    /** When set, every read of a state throws it (a torn or unreadable state). */
    volatile RuntimeException failStateReads;

    Counting(String name) {
      inner = new MemoryBackend(name, Clock.systemUTC());
    }

    void reset() {
      stateReads.set(0);
      listedPrefixes.clear();
    }

    @Override
    public Optional<StoredObject> read(String stateId, ObjectKind kind) {
      if (kind == ObjectKind.STATE) {
        stateReads.incrementAndGet();
        RuntimeException fail = failStateReads;
        if (fail != null) {
          throw fail;
        }
      }
      return inner.read(stateId, kind);
    }

    @Override
    public Stream<ListedState> list(ObjectKind kind, String prefix) {
      if (kind == ObjectKind.STATE) {
        listedPrefixes.add(prefix);
      }
      return inner.list(kind, prefix);
    }

    @Override
    public Version write(String stateId, ObjectKind kind, byte[] content, Precondition p) {
      return inner.write(stateId, kind, content, p);
    }

    @Override
    public boolean delete(String stateId, ObjectKind kind, Precondition p) {
      return inner.delete(stateId, kind, p);
    }

    @Override
    public String describe() {
      return inner.describe();
    }

    @Override
    public void close() {}
  }
}
