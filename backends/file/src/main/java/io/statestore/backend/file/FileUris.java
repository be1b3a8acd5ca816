package io.statestore.backend.file;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Reads the store directory from a {@code file:} URI.
 *
 * <p>Accepted: {@code file:///abs/dir} and, as {@link File#toURI()} writes it, {@code
 * file:/abs/dir}. The path is taken literally, without percent-decoding, as Meltano does ({@code
 * urlparse(uri).path}), so the same URI names the same directory in both. Refused with {@link
 * ErrorKind#INVALID_CONFIGURATION}: relative paths ({@code file:rel}, {@code file:./x}), a host
 * ({@code file://host/x}), no path or only {@code /}, a query or a fragment.
 */
final class FileUris {
  private FileUris() {}

  /** The absolute, normalized store directory a location names. */
  static Path root(StoreLocation location) {
    String uri = location.redacted();
    if (!location.query().isEmpty()) {
      throw invalid(
          uri,
          "has query parameters "
              + location.query().keySet()
              + " that are not file store settings; give settings such as "
              + FileSettings.LAYOUT.key()
              + " separately");
    }
    String spec = location.specific();
    if (spec.indexOf('#') >= 0) {
      throw invalid(uri, "has a fragment ('#'); a directory path cannot contain one here");
    }
    String path;
    if (spec.startsWith("//")) {
      String rest = spec.substring(2);
      int slash = rest.indexOf('/');
      String host = slash < 0 ? rest : rest.substring(0, slash);
      if (!host.isEmpty()) {
        throw invalid(
            uri,
            "names a host ('"
                + (host.contains("@") ? "***@" + host.substring(host.lastIndexOf('@') + 1) : host)
                + "'); only local directories are supported, written with three slashes");
      }
      path = slash < 0 ? "" : rest.substring(slash);
    } else if (spec.startsWith("/")) {
      path = spec;
    } else if (spec.isEmpty()) {
      path = "";
    } else {
      throw invalid(uri, "has a relative path ('" + spec + "'); the directory must be absolute");
    }
    if (path.isEmpty()) {
      throw invalid(uri, "names no directory");
    }
    if (File.separatorChar == '\\' && path.matches("/[A-Za-z]:([/\\\\].*)?")) {
      path = path.substring(1); // file:///C:/state on Windows
    }
    Path dir;
    try {
      dir = Path.of(path).normalize();
    } catch (InvalidPathException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "File store URI '" + uri + "' has an invalid path: " + e.getReason(),
          e);
    }
    if (!dir.isAbsolute()) {
      throw invalid(uri, "has a relative path ('" + path + "'); the directory must be absolute");
    }
    if (dir.getParent() == null) {
      throw invalid(uri, "names the file system root; name a directory for the states");
    }
    return dir;
  }

  private static StateStoreException invalid(String uri, String problem) {
    return new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        "File store URI '" + uri + "' " + problem + " (expected file:///absolute/directory)");
  }
}
