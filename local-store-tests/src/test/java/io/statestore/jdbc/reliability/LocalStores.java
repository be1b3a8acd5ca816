package io.statestore.jdbc.reliability;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** Fixtures for the stores that need no emulator: a file directory and an H2 system database. */
public final class LocalStores {
  private LocalStores() {}

  /** The kinds of local store the parameterised bindings run on. */
  public static final String KINDS = "file, h2";

  /** A fresh store of a kind ({@code file}, {@code h2} or {@code memory}) in {@code dir}. */
  public static StoreFixture of(String kind, Path dir) {
    return switch (kind) {
      case "file" -> file(dir);
      case "h2" -> h2(dir);
      case "memory" -> memory();
      default -> throw new IllegalArgumentException("no local store of kind " + kind);
    };
  }

  /** A fresh in-memory store, private to this JVM. */
  public static StoreFixture memory() {
    String url = "jdbc:statestore:memory:local-" + java.util.UUID.randomUUID();
    return new StoreFixture() {
      @Override
      public String url() {
        return url;
      }

      @Override
      public boolean sharedAcrossProcesses() {
        return false;
      }
    };
  }

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
