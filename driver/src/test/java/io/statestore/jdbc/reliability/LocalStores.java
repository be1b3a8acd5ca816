package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Fixtures for the stores that need no emulator: a file directory and an H2 system database. */
public final class LocalStores {
  private LocalStores() {}

  /**
   * A file store in {@code dir}, in Meltano's layout: an existing empty directory (a directory that
   * does not exist is refused by reads until the first write creates it).
   */
  public static StoreFixture file(Path dir) {
    Path root = dir.toAbsolutePath().resolve("store");
    try {
      java.nio.file.Files.createDirectories(root);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return new StoreFixture() {
      @Override
      public String url() {
        return "jdbc:statestore:file://" + root;
      }

      @Override
      public Optional<Path> directory() {
        return Optional.of(root);
      }

      @Override
      public Map<String, String> bulkLoadSettings() {
        return Map.of("file.fsync", "false");
      }
    };
  }

  /**
   * A systemdb store on an H2 file database in {@code dir}, shared between processes through H2's
   * auto-server mode.
   */
  public static StoreFixture h2(Path dir) {
    String url =
        "jdbc:statestore:systemdb:jdbc:h2:file:"
            + dir.toAbsolutePath().resolve("db")
            + ";AUTO_SERVER=TRUE";
    return () -> url;
  }
}
