package io.statestore.backend.systemdb;

import io.statestore.core.DefaultStoreHome;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes the embedded default store private to the user who runs it.
 *
 * <ul>
 *   <li>The home directory (and any missing parent) is created owner-only ({@code rwx------}), so
 *       no other local user can list it or reach any file inside, from the moment it exists; an
 *       existing home that others could enter is restricted the same way.
 *   <li>The database file is created empty and owner-only ({@code rw-------}) before H2 opens it.
 *       H2 creates its lock file (which holds the auto-server's key) itself, with the process
 *       umask; it is unreachable inside the private directory and restricted to the owner as soon
 *       as the database is open.
 *   <li>H2's auto-server listens on the loopback interface only: the system property {@value
 *       #BIND_ADDRESS} is set to {@code 127.0.0.1} unless the user set it.
 * </ul>
 */
final class EmbeddedHome {
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedHome.class);

  /** H2's system property for the address its servers listen on. */
  static final String BIND_ADDRESS = "h2.bindAddress";

  private static final Set<PosixFilePermission> DIR = PosixFilePermissions.fromString("rwx------");
  private static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private EmbeddedHome() {}

  /**
   * Binds H2's servers to loopback unless the user chose an address; must run before H2 reads its
   * system properties, so the provider calls it when it is loaded.
   */
  static void bindToLoopback() {
    if (System.getProperty(BIND_ADDRESS) == null) {
      System.setProperty(BIND_ADDRESS, "127.0.0.1");
    }
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  /** Creates or restricts the home directory and creates the database file owner-only. */
  static void prepare(Path home) {
    bindToLoopback();
    Path dir = home.toAbsolutePath().normalize();
    try {
      if (!posix()) {
        Files.createDirectories(dir);
        return;
      }
      FileAttribute<Set<PosixFilePermission>> dirAttr = PosixFilePermissions.asFileAttribute(DIR);
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, dirAttr);
      }
      // The umask may have taken bits away from the owner; it never adds any for others.
      restrict(dir, DIR);
      Path db = dir.resolve(JdbcUrls.DATABASE_NAME + ".mv.db");
      if (!Files.exists(db)) {
        try {
          Files.createFile(db, PosixFilePermissions.asFileAttribute(FILE));
        } catch (FileAlreadyExistsException e) {
          // another process created it first
        }
      }
    } catch (IOException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Cannot create the embedded store's directory "
              + dir
              + " ("
              + e.getClass().getSimpleName()
              + "); set "
              + DefaultStoreHome.ENV
              + " (or the system property "
              + DefaultStoreHome.PROPERTY
              + ") to a writable directory",
          e);
    }
  }

  /** Restricts the embedded store's files to the owner once H2 has created them. */
  static void restrictFiles(Path home) {
    if (!posix()) {
      return;
    }
    try (Stream<Path> files = Files.list(home.toAbsolutePath().normalize())) {
      files
          .filter(f -> f.getFileName().toString().startsWith(JdbcUrls.DATABASE_NAME + "."))
          .filter(Files::isRegularFile)
          .forEach(f -> restrict(f, FILE));
    } catch (IOException e) {
      LOG.warn("Could not list the embedded store's directory {} ({})", home, e.toString());
    }
  }

  private static void restrict(Path path, Set<PosixFilePermission> wanted) {
    try {
      Set<PosixFilePermission> now = Files.getPosixFilePermissions(path);
      if (!now.equals(wanted)) {
        Files.setPosixFilePermissions(path, wanted);
        LOG.info("Restricted {} to its owner (was {})", path, PosixFilePermissions.toString(now));
      }
    } catch (IOException | SecurityException e) {
      LOG.warn("Could not restrict {} to its owner ({})", path, e.toString());
    }
  }
}
