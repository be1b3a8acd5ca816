package io.statestore.backend.systemdb;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.core.StoreOptions;
import io.statestore.spi.Environment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** Opens the embedded default store ({@code systemdb:}) with its home in a test directory. */
final class EmbeddedStores {
  private EmbeddedStores() {}

  /** Opens {@code uri} (blank for the default) as statestore would, but with {@code home}. */
  static StateStore open(Path home, String uri) {
    StateStores.Resolved r =
        StateStores.resolve(
            uri, Map.of(), Environment.of(Map.of()), key -> false, BackendRegistry.load());
    SystemDbBackendProvider provider =
        new SystemDbBackendProvider(() -> home, Clock.systemDefaultZone());
    return new StateStore(
        provider.open(r.location(), r.settings()), StoreOptions.from(r.settings()));
  }

  /**
   * Starts a JVM running {@link EmbeddedStoreProcess} on {@code home}, its standard error appended
   * to {@code log}.
   */
  static Process startProcess(Path home, Path log) throws IOException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    return new ProcessBuilder(
            java.toString(),
            "-cp",
            System.getProperty("java.class.path"),
            EmbeddedStoreProcess.class.getName(),
            home.toString())
        .redirectError(ProcessBuilder.Redirect.appendTo(log.toFile()))
        .start();
  }
}
