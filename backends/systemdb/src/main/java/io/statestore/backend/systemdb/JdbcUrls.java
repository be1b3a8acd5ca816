package io.statestore.backend.systemdb;

import io.statestore.core.DefaultStoreHome;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Turns a {@code systemdb:} store URI into a JDBC URL: {@code systemdb:<jdbc url>} is that URL with
 * its extra {@code ?key=value} parameters put back; {@code systemdb:} alone is the embedded
 * default, an H2 file database {@code statestore} in the user's default store directory ({@link
 * DefaultStoreHome}).
 */
final class JdbcUrls {
  /** The embedded database's base file name ({@code statestore.mv.db} on disk). */
  static final String DATABASE_NAME = "statestore";

  /**
   * H2 options of the embedded database. {@code AUTO_SERVER=TRUE} lets several processes (a
   * command-line tool and a SQL client such as DBeaver) open it at once: the first one serves it to
   * the others over a local TCP port, and another takes over when it exits. It needs H2's default
   * {@code FILE_LOCK=FILE}. {@code TRACE_LEVEL_FILE=0}: H2 writes no {@code .trace.db} file (stack
   * traces, statements) into the store; errors reach the caller as exceptions.
   */
  static final String H2_OPTIONS = ";AUTO_SERVER=TRUE;TRACE_LEVEL_FILE=0";

  private JdbcUrls() {}

  /** The embedded default's directory: see {@link DefaultStoreHome}. */
  static Path defaultHome() {
    return DefaultStoreHome.path();
  }

  /** The JDBC URL of the embedded default in {@code home}. */
  static String embedded(Path home) {
    String file = home.toAbsolutePath().normalize().resolve(DATABASE_NAME).toString();
    if (file.indexOf(';') >= 0) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The embedded store's directory " + home + " contains ';', which H2 URLs cannot hold");
    }
    return "jdbc:h2:file:" + file + H2_OPTIONS;
  }

  /**
   * The JDBC URL a location names.
   *
   * @param location the store URI, its statestore settings already taken out of the query
   * @param home the embedded default's directory
   */
  static String of(StoreLocation location, Path home) {
    String spec = location.specific().strip();
    if (spec.isEmpty()) {
      if (!location.query().isEmpty()) {
        throw new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            "The embedded store 'systemdb:' takes no URL parameters other than settings, got "
                + location.query().keySet());
      }
      return embedded(home);
    }
    if (!spec.toLowerCase(Locale.ROOT).startsWith("jdbc:") || spec.length() <= "jdbc:".length()) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Store URI '"
              + location.redacted()
              + "' must be 'systemdb:' (the embedded default) or 'systemdb:<jdbc url>', e.g."
              + " systemdb:jdbc:sqlite:/project/.meltano/meltano.db");
    }
    if (spec.toLowerCase(Locale.ROOT).startsWith("jdbc:h2:") && !location.query().isEmpty()) {
      // H2 takes its options after ';' and would read '?...' as part of the database's name,
      // silently opening another, empty database: a misspelled setting must not do that.
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Unknown setting(s) "
              + location.query().keySet()
              + " for "
              + location.redacted()
              + "; H2 takes its own options after ';' (jdbc:h2:file:/p/db;MODE=...). Valid"
              + " statestore settings are listed by the driver's getPropertyInfo and the README");
    }
    String url = spec + query(location.query());
    UrlParameterPolicy.check(url);
    return url;
  }

  /** Re-joins parameters that are not statestore settings, for the JDBC driver to read. */
  static String query(Map<String, String> query) {
    StringBuilder sb = new StringBuilder();
    for (Map.Entry<String, String> e : query.entrySet()) {
      sb.append(sb.length() == 0 ? '?' : '&').append(encode(e.getKey()));
      if (e.getValue() != null && !e.getValue().isEmpty()) {
        sb.append('=').append(encode(e.getValue()));
      }
    }
    return sb.toString();
  }

  /**
   * Percent-encodes only what would change the meaning of a query ({@code % & = # +}, spaces and
   * control characters), so values such as paths and host names stay readable.
   */
  private static String encode(String text) {
    StringBuilder sb = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c <= 0x20 || c == 0x7f || "%&=#+".indexOf(c) >= 0) {
        for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
          sb.append('%').append(String.format("%02X", b & 0xff));
        }
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }
}
