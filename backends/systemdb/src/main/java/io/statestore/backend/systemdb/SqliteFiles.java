package io.statestore.backend.systemdb;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file of a SQLite JDBC URL, for creating a missing database owner-only ({@code rw-------})
 * from the start: SQLite would create it with the process umask, and its journal files take the
 * database file's permissions.
 */
final class SqliteFiles {
  private static final Logger LOG = LoggerFactory.getLogger(SqliteFiles.class);
  private static final String PREFIX = "jdbc:sqlite:";

  private SqliteFiles() {}

  /**
   * The database file a {@code jdbc:sqlite:} URL names: {@code jdbc:sqlite:<path>} or {@code
   * jdbc:sqlite:file:/<abs path>}; empty for in-memory and resource databases and URIs it cannot
   * read.
   */
  static Optional<Path> file(String jdbcUrl) {
    if (!jdbcUrl.toLowerCase(Locale.ROOT).startsWith(PREFIX)) {
      return Optional.empty();
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int query = rest.indexOf('?');
    String name = query < 0 ? rest : rest.substring(0, query);
    if (name.isEmpty() || name.startsWith(":")) {
      return Optional.empty();
    }
    try {
      if (name.toLowerCase(Locale.ROOT).startsWith("file:")) {
        URI uri = new URI(name);
        return uri.isOpaque() || rest.contains("mode=memory")
            ? Optional.empty()
            : Optional.of(Path.of(new URI("file", null, uri.getPath(), null)));
      }
      return Optional.of(Path.of(name));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates the URL's database file empty (an empty file is an empty SQLite database) and
   * owner-only, when its directory exists and the file does not; otherwise leaves it to SQLite.
   */
  static void createOwnerOnly(String jdbcUrl) {
    Optional<Path> file = file(jdbcUrl);
    if (file.isEmpty() || !Files.isDirectory(file.get().toAbsolutePath().getParent())) {
      return;
    }
    try {
      Files.createFile(
          file.get(),
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
    } catch (FileAlreadyExistsException e) {
      // Another process made it in between: use it as it is.
    } catch (UnsupportedOperationException | IOException e) {
      LOG.debug("Leaving the creation of the SQLite database file to SQLite", e);
    }
  }
}
