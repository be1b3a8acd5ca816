package io.statestore.backend.systemdb;

import io.statestore.core.DefaultStoreHome;
import io.statestore.core.ReadWarnings;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Points out, once per process, a default store that an earlier version left in {@code
 * ./.statestore/} of the working directory, now that the default store lives in one directory per
 * user: its states are not lost, only no longer opened by default.
 */
final class LegacyHome {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyHome.class);
  private static final Set<Path> WARNED = ConcurrentHashMap.newKeySet();

  private LegacyHome() {}

  /**
   * When the working directory holds an old default store other than {@code home}: logs a warning
   * once per process, and reports it to the caller's warnings (a JDBC connection's) every time.
   */
  static void check(Path home) {
    Path inUse = home.toAbsolutePath().normalize();
    DefaultStoreHome.legacy(inUse)
        .ifPresent(
            old -> {
              String message = DefaultStoreHome.legacyWarning(old, inUse);
              ReadWarnings.report(message);
              if (WARNED.add(old)) {
                LOG.warn(message);
              }
            });
  }
}
