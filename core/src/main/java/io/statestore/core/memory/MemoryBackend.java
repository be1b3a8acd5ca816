package io.statestore.core.memory;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * The reference backend: objects in memory, every primitive exactly as the SPI specifies. It proves
 * the contract test suite and serves tests and experiments ({@code memory:name}).
 */
public final class MemoryBackend implements StateBackend {
  private final String name;
  private final Clock clock;
  private final AtomicLong versions = new AtomicLong();
  private final Map<ObjectKind, NavigableMap<String, StoredObject>> objects =
      new EnumMap<>(ObjectKind.class);

  /** An empty store. */
  public MemoryBackend(String name, Clock clock) {
    this.name = name;
    this.clock = clock;
    for (ObjectKind k : ObjectKind.values()) {
      objects.put(k, new ConcurrentSkipListMap<>());
    }
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    return Optional.ofNullable(objects.get(kind).get(stateId))
        .map(o -> new StoredObject(o.content().clone(), o.lastModified(), o.version()));
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    NavigableMap<String, StoredObject> map = objects.get(kind);
    NavigableMap<String, StoredObject> view = prefix.isEmpty() ? map : map.tailMap(prefix, true);
    return view.entrySet().stream()
        .takeWhile(e -> e.getKey().startsWith(prefix))
        .map(e -> new ListedState(e.getKey(), e.getValue().lastModified()));
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    NavigableMap<String, StoredObject> map = objects.get(kind);
    Version v = new Version(Long.toString(versions.incrementAndGet()));
    StoredObject next = new StoredObject(content.clone(), clock.instant(), v);
    if (precondition instanceof Precondition.Absent) {
      if (map.putIfAbsent(stateId, next) != null) {
        throw new StateStoreException(
            ErrorKind.ALREADY_EXISTS, kind.fileName() + " of " + stateId + " exists");
      }
    } else if (precondition instanceof Precondition.Matches m) {
      StoredObject cur = map.get(stateId);
      boolean done =
          cur != null && cur.version().equals(m.version()) && map.replace(stateId, cur, next);
      if (!done) {
        throw new StateStoreException(
            ErrorKind.CONFLICT, kind.fileName() + " of " + stateId + " changed");
      }
    } else {
      map.put(stateId, next);
    }
    return v;
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    NavigableMap<String, StoredObject> map = objects.get(kind);
    if (precondition instanceof Precondition.Matches m) {
      StoredObject cur = map.get(stateId);
      if (cur == null || !cur.version().equals(m.version()) || !map.remove(stateId, cur)) {
        throw new StateStoreException(
            ErrorKind.CONFLICT, kind.fileName() + " of " + stateId + " changed");
      }
      return true;
    }
    return map.remove(stateId) != null;
  }

  /** The ids of every object of a kind (a snapshot, for tests). */
  public java.util.List<String> ids(ObjectKind kind) {
    return new ArrayList<>(objects.get(kind).keySet());
  }

  /** Any text: a map key has no limits of its own. */
  @Override
  public StateIdRule idRule() {
    return StateIdRule.anyText(describe());
  }

  @Override
  public String describe() {
    return "memory:" + name;
  }

  @Override
  public String toString() {
    return describe();
  }
}
