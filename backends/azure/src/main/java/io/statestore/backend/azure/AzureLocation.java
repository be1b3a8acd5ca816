package io.statestore.backend.azure;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The container and blob name prefix of an {@code azure://container/prefix} URI, as Meltano reads
 * it: the container is the URI's host (lower-cased), the prefix its path without leading or
 * trailing {@code /}, taken literally (not URL-decoded).
 */
final class AzureLocation {
  /** Azure's container name rules: 3 to 63 of a-z, 0-9 and single inner hyphens; or $root. */
  private static final Pattern CONTAINER =
      Pattern.compile("^(?=.{3,63}$)[a-z0-9](?:-?[a-z0-9])*$|^\\$root$");

  private final String container;
  private final String prefix;

  private AzureLocation(String container, String prefix) {
    this.container = container;
    this.prefix = prefix;
  }

  /**
   * Parses the location of an {@code azure} store.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming what is wrong
   */
  static AzureLocation parse(StoreLocation location) {
    String specific = location.specific();
    if (!location.query().isEmpty()) {
      throw invalid(location, "has query parameters that are not statestore settings");
    }
    if (!specific.startsWith("//")) {
      throw invalid(location, "must be azure://<container>/<prefix>");
    }
    String rest = specific.substring(2);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (host.isEmpty()) {
      throw invalid(location, "names no container; it must be azure://<container>/<prefix>");
    }
    if (host.contains("@") || host.contains(":")) {
      throw invalid(
          location,
          "must not carry credentials or a port; give the connection string in the setting "
              + AzureSettings.CONNECTION_STRING.key()
              + " or the environment variable "
              + AzureSettings.CONNECTION_STRING_ENV);
    }
    String container = host.toLowerCase(Locale.ROOT);
    if (!CONTAINER.matcher(container).matches()) {
      throw invalid(
          location,
          "names the container '"
              + container
              + "', which is not a valid Azure container name (3 to 63 lower-case letters, digits"
              + " and single hyphens, starting and ending with a letter or digit)");
    }
    return new AzureLocation(container, stripSlashes(path));
  }

  private static String stripSlashes(String path) {
    int start = 0;
    int end = path.length();
    while (start < end && path.charAt(start) == '/') {
      start++;
    }
    while (end > start && path.charAt(end - 1) == '/') {
      end--;
    }
    return path.substring(start, end);
  }

  private static StateStoreException invalid(StoreLocation location, String what) {
    return new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION, "Azure store URI '" + location.redacted() + "' " + what);
  }

  /** The container's name. */
  String container() {
    return container;
  }

  /** The blob name prefix without leading or trailing {@code /}, possibly empty. */
  String prefix() {
    return prefix;
  }

  /** {@code azure://container/prefix}, or {@code azure://container} without a prefix. */
  String describe() {
    return "azure://" + container + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  @Override
  public String toString() {
    return describe();
  }
}
