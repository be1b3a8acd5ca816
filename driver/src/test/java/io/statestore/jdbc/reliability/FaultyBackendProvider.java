package io.statestore.jdbc.reliability;

import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A test backend, scheme {@code faulty:<inner store URI>}: a real store (memory, file, ...) whose
 * writes fail on demand, as a store that is down, times out, refuses access or runs out of space
 * would. Switch faults with {@link #faults(String)} by the inner URI.
 */
public final class FaultyBackendProvider implements StateBackendProvider {
  private static final Map<String, Faults> FAULTS = new ConcurrentHashMap<>();

  /** The fault switches of one inner store. */
  public static final class Faults {
    volatile ErrorKind kind;
    volatile String message;
    volatile ObjectKind objectKind;
    final AtomicInteger failed = new AtomicInteger();

    /**
     * Makes every write of {@code object} objects fail with {@code errorKind} and {@code text}
     * until {@link #clear()}.
     */
    public void failWrites(ObjectKind object, ErrorKind errorKind, String text) {
      this.message = text;
      this.objectKind = object;
      this.kind = errorKind;
    }

    /** Lets writes through again. */
    public void clear() {
      kind = null;
    }

    /** How many writes failed so far. */
    public int failedWrites() {
      return failed.get();
    }
  }

  /** The switches of the store with this inner URI (created on first use). */
  public static Faults faults(String innerUri) {
    return FAULTS.computeIfAbsent(innerUri, k -> new Faults());
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
    String inner = location.specific();
    return new Faulty(StateStores.open(inner, Map.of()).backend(), faults(inner));
  }

  private static final class Faulty implements StateBackend {
    private final StateBackend inner;
    private final Faults faults;

    Faulty(StateBackend inner, Faults faults) {
      this.inner = inner;
      this.faults = faults;
    }

    private void maybeFail(ObjectKind kind) {
      ErrorKind k = faults.kind;
      if (k != null && kind == faults.objectKind) {
        faults.failed.incrementAndGet();
        throw new StateStoreException(k, faults.message + " (" + describe() + ")");
      }
    }

    @Override
    public Optional<StoredObject> read(String stateId, ObjectKind kind) {
      return inner.read(stateId, kind);
    }

    @Override
    public Stream<ListedState> list(ObjectKind kind, String prefix) {
      return inner.list(kind, prefix);
    }

    @Override
    public Version write(String stateId, ObjectKind kind, byte[] content, Precondition p) {
      maybeFail(kind);
      return inner.write(stateId, kind, content, p);
    }

    @Override
    public boolean delete(String stateId, ObjectKind kind, Precondition p) {
      maybeFail(kind);
      return inner.delete(stateId, kind, p);
    }

    @Override
    public String describe() {
      return "faulty " + inner.describe();
    }

    @Override
    public void close() {
      inner.close();
    }
  }
}
