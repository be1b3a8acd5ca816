package io.statestore.core.objectstore;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The container (bucket) and key prefix of an object store URI {@code scheme://container/prefix},
 * read as Meltano reads it: the container is the URI's host, the prefix its path without leading or
 * trailing {@code /}, taken literally (not URL-decoded). {@link #toString()} is {@code
 * scheme://container/prefix}, safe to show anywhere.
 */
public final class ObjectStoreLocation {
  private final String scheme;
  private final String container;
  private final String prefix;

  private ObjectStoreLocation(String scheme, String container, String prefix) {
    this.scheme = scheme;
    this.container = container;
    this.prefix = prefix;
  }

  /**
   * A location from its parts.
   *
   * @param prefix a key prefix; leading and trailing {@code /} are dropped
   */
  public static ObjectStoreLocation of(String scheme, String container, String prefix) {
    return new ObjectStoreLocation(
        Objects.requireNonNull(scheme, "scheme"),
        Objects.requireNonNull(container, "container"),
        trimSlashes(Objects.requireNonNull(prefix, "prefix")));
  }

  /**
   * How one store names its containers, for parsing and for messages.
   *
   * @param scheme the URI scheme, e.g. {@code gs}
   * @param uriName how messages name such a URI, e.g. {@code Cloud Storage URI}
   * @param word the store's word for a container, e.g. {@code bucket}
   * @param service the store's name in {@code not a valid <service> <word> name}
   * @param lowerCase whether the container name is lower-cased before it is checked
   * @param valid which container names the store accepts
   * @param rule the accepted names in words, for the message refusing another one
   * @param noCredentials what to say when the URI carries credentials or a port instead
   */
  public record Naming(
      String scheme,
      String uriName,
      String word,
      String service,
      boolean lowerCase,
      Predicate<String> valid,
      String rule,
      String noCredentials) {
    public Naming {
      Objects.requireNonNull(scheme, "scheme");
      Objects.requireNonNull(valid, "valid");
    }
  }

  /**
   * Parses {@code scheme://container/prefix}.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming what is wrong, with
   *     the URI redacted
   */
  public static ObjectStoreLocation parse(StoreLocation location, Naming naming) {
    String form = naming.scheme() + "://<" + naming.word() + ">/<prefix>";
    if (!location.query().isEmpty()) {
      throw invalid(location, naming, "has query parameters that are not statestore settings");
    }
    String specific = location.specific();
    if (!specific.startsWith("//")) {
      throw invalid(location, naming, "must be " + form);
    }
    String rest = specific.substring(2);
    int slash = rest.indexOf('/');
    String host = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (host.isEmpty()) {
      throw invalid(location, naming, "names no " + naming.word() + "; it must be " + form);
    }
    if (host.contains("@") || host.contains(":")) {
      throw invalid(
          location, naming, "must not carry credentials or a port; " + naming.noCredentials());
    }
    String container = naming.lowerCase() ? host.toLowerCase(Locale.ROOT) : host;
    if (!naming.valid().test(container)) {
      throw invalid(
          location,
          naming,
          "names the "
              + naming.word()
              + " '"
              + container
              + "', which is not a valid "
              + naming.service()
              + " "
              + naming.word()
              + " name ("
              + naming.rule()
              + ")");
    }
    return new ObjectStoreLocation(naming.scheme(), container, trimSlashes(path));
  }

  /** A key prefix without its leading and trailing {@code /}. */
  public static String trimSlashes(String path) {
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

  private static StateStoreException invalid(StoreLocation location, Naming naming, String what) {
    return new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        naming.uriName() + " '" + location.redacted() + "' " + what);
  }

  /** The URI scheme, e.g. {@code s3}. */
  public String scheme() {
    return scheme;
  }

  /** The container's (bucket's) name. */
  public String container() {
    return container;
  }

  /** The key prefix without leading or trailing {@code /}, possibly empty. */
  public String prefix() {
    return prefix;
  }

  /** Meltano's layout under this prefix. */
  public ObjectKeyLayout layout() {
    return new ObjectKeyLayout(prefix);
  }

  /** {@code scheme://container/prefix}, or {@code scheme://container} without a prefix. */
  public String describe() {
    return scheme + "://" + container + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ObjectStoreLocation other
        && scheme.equals(other.scheme)
        && container.equals(other.container)
        && prefix.equals(other.prefix);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, container, prefix);
  }
}
