package io.statestore.migrate;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.SettingDefinition;
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
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * A test store, scheme {@code readcount:<name>}: an in-memory store that counts the state bodies
 * read from it, so tests can prove a copy reads each state once instead of scanning the store.
 */
public final class ReadCountingBackendProvider implements StateBackendProvider {
  private static final Map<String, Counting> STORES = new ConcurrentHashMap<>();

  @Override
  public String scheme() {
    return "readcount";
  }

  @Override
  public List<SettingDefinition> settings() {
    return List.of();
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return STORES.computeIfAbsent(location.specific(), Counting::new);
  }

  /** The number of state bodies read from the named store so far. */
  public static long reads(String name) {
    return STORES.computeIfAbsent(name, Counting::new).reads.get();
  }

  /** A memory backend counting its state reads. */
  private static final class Counting implements StateBackend {
    private final MemoryBackend inner;
    private final AtomicLong reads = new AtomicLong();

    Counting(String name) {
      inner = new MemoryBackend(name, Clock.systemUTC());
    }

    @Override
    public Optional<StoredObject> read(String stateId, ObjectKind kind) {
      if (kind == ObjectKind.STATE) {
        reads.incrementAndGet();
      }
      return inner.read(stateId, kind);
    }

    @Override
    public Stream<ListedState> list(ObjectKind kind, String prefix) {
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
