package io.statestore.jdbc.reliability;

import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.jdbc.StatestoreDriver;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * Plants locks as another tool (Meltano) leaves them: {@code <id>/lock} holding the UTC epoch
 * seconds as Python prints a float. On local stores the file is written directly; elsewhere through
 * the backend's own write of the lock object, which uses the same layout.
 */
public final class ForeignLocks {
  private ForeignLocks() {}

  /** The store URI inside a {@code jdbc:statestore:} URL. */
  public static String storeUri(String jdbcUrl) {
    return jdbcUrl.substring(StatestoreDriver.PREFIX.length());
  }

  /** Opens the store of a fixture through the core API, as a second, independent client. */
  public static StateStore open(StoreFixture store, Map<String, String> settings) {
    return StateStores.open(storeUri(store.url()), settings);
  }

  /** Meltano's text for an instant: seconds, a dot, six digits of microseconds. */
  public static String stamp(Instant at) {
    return at.getEpochSecond() + "." + String.format("%06d", at.getNano() / 1000);
  }

  /** Leaves a lock on {@code stateId} taken at {@code at}. */
  public static void plant(StoreFixture store, String stateId, String content) throws IOException {
    byte[] bytes = content.getBytes(StandardCharsets.US_ASCII);
    if (store.directory().isPresent()) {
      Path dir = store.directory().get().resolve(stateId);
      Files.createDirectories(dir);
      Files.write(dir.resolve("lock"), bytes);
      return;
    }
    try (StateStore s = open(store, Map.of())) {
      s.backend().write(stateId, ObjectKind.LOCK, bytes, Precondition.none());
    }
  }
}
