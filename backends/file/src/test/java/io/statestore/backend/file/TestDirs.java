package io.statestore.backend.file;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Store directories for tests: a fresh, empty store is an existing empty directory. */
final class TestDirs {
  private TestDirs() {}

  /** Creates the directory (and its parents) and returns it. */
  static Path existing(Path dir) {
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
