package io.statestore.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * Meltano-like states of at least 4 KB each (the generated bookmarks plus further streams), written
 * straight into a file store's layout or Meltano's table in H2, as {@link Fixtures} writes the
 * smaller ones. The bounded-memory check reads 100,000 of them: about 500 MB of bodies.
 */
public final class FourKbStates {
  /** The least size of a body, in bytes. */
  public static final int MIN_BYTES = 4096;

  private static final String BOOKMARKS_END = "}, \"currently_syncing\": null}}";

  private FourKbStates() {}

  /** The body of a state: its generated body with extra streams up to {@link #MIN_BYTES}. */
  public static String body(String stateId) {
    String base = Fixtures.body(stateId);
    int at = base.lastIndexOf(BOOKMARKS_END);
    StringBuilder extra = new StringBuilder();
    long seed = Fixtures.seed(stateId);
    for (int k = 0; base.length() + extra.length() < MIN_BYTES; k++) {
      extra.append(
          String.format(
              Locale.ROOT,
              ", \"archive_%02d\": {\"replication_key\": \"updated_at\", \"replication_key_value\":"
                  + " \"2025-%02d-%02dT00:00:00+00:00\", \"version\": %d}",
              k,
              1 + Math.floorMod(seed + k, 12),
              1 + Math.floorMod(seed * 7 + k, 28),
              1_600_000_000_000L + Math.floorMod(seed * 31 + k, 1_000_000_000L)));
    }
    return base.substring(0, at) + extra + base.substring(at);
  }

  /** Fills a new store of the given kind in {@code dir} with 4 KB states. */
  public static void populate(StoreKind kind, Path dir, List<String> ids) throws Exception {
    if (kind == StoreKind.FILE) {
      Fixtures.populateFiles(dir, ids, FourKbStates::body);
    } else {
      Fixtures.populateSystemDb(dir, ids, FourKbStates::body);
    }
  }
}
