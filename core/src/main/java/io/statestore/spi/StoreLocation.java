package io.statestore.spi;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a store is: a URI such as {@code file:///var/state}, {@code s3://bucket/prefix} or {@code
 * systemdb:jdbc:h2:./db}, split into its scheme, the rest, and any {@code ?key=value} settings.
 *
 * <p>{@link #toString()} and {@link #redacted()} never show credentials.
 */
public final class StoreLocation {
  private static final Pattern USER_INFO = Pattern.compile("(//)[^/@?#]*@");
  private static final Pattern SECRET_PARAM =
      Pattern.compile(
          "(?i)((?:password|pwd|secret|accountkey|sharedaccesssignature|sig|token|key)=)[^;&]*");

  private final String scheme;
  private final String specific;
  private final Map<String, String> query;

  private StoreLocation(String scheme, String specific, Map<String, String> query) {
    this.scheme = scheme;
    this.specific = specific;
    this.query = Collections.unmodifiableMap(query);
  }

  /**
   * Parses a store URI. Text after the first {@code ?} is read as URL-encoded {@code key=value}
   * pairs joined by {@code &}.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when there is no scheme
   */
  public static StoreLocation parse(String uri) {
    Objects.requireNonNull(uri, "uri");
    String text = uri.strip();
    int colon = text.indexOf(':');
    String scheme = colon < 0 ? text : text.substring(0, colon);
    if (scheme.isEmpty() || !scheme.matches("[A-Za-z][A-Za-z0-9+.-]*")) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Store URI '" + redact(text) + "' has no valid scheme (expected e.g. file:///dir)");
    }
    String rest = colon < 0 ? "" : text.substring(colon + 1);
    Map<String, String> query = new LinkedHashMap<>();
    int q = rest.indexOf('?');
    if (q >= 0) {
      query = parseQuery(rest.substring(q + 1));
      rest = rest.substring(0, q);
    }
    return new StoreLocation(scheme.toLowerCase(Locale.ROOT), rest, query);
  }

  /**
   * Reads URL-encoded {@code key=value} pairs joined by {@code &} (the text after a {@code ?}); a
   * key without {@code =} has the empty value.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when a pair is malformed
   */
  public static Map<String, String> parseQuery(String text) {
    Map<String, String> query = new LinkedHashMap<>();
    for (String pair : text.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = decode(eq < 0 ? pair : pair.substring(0, eq));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
      query.put(key, value);
    }
    return query;
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION, "Store URI has a malformed query parameter", e);
    }
  }

  /** Returns a copy with a different query (used once settings have been taken out of it). */
  public StoreLocation withQuery(Map<String, String> newQuery) {
    return new StoreLocation(scheme, specific, new LinkedHashMap<>(newQuery));
  }

  /** The scheme, lower case, e.g. {@code file}. */
  public String scheme() {
    return scheme;
  }

  /** Everything between the scheme's colon and the query, e.g. {@code //bucket/prefix}. */
  public String specific() {
    return specific;
  }

  /** The {@code ?key=value} pairs, decoded, in order. */
  public Map<String, String> query() {
    return query;
  }

  /** The URI without its query, re-joined: {@code scheme:specific}. */
  public String withoutQuery() {
    return scheme + ":" + specific;
  }

  /**
   * The URI parsed by {@link URI}, for hierarchical schemes such as {@code file}, {@code s3}.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when malformed
   */
  public URI toUri() {
    try {
      return new URI(withoutQuery());
    } catch (URISyntaxException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Store URI '" + redacted() + "' is malformed: " + redact(e.getReason()));
    }
  }

  /** The URI with user info and secret-looking parameters replaced by {@code ***}. */
  public String redacted() {
    return redact(withoutQuery());
  }

  /** Redacts user info ({@code //user:pass@}) and secret-looking {@code key=value} parameters. */
  public static String redact(String text) {
    if (text == null) {
      return null;
    }
    String noUser = USER_INFO.matcher(text).replaceAll("$1***@");
    return SECRET_PARAM.matcher(noUser).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return redacted();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StoreLocation other
        && scheme.equals(other.scheme)
        && specific.equals(other.specific)
        && query.equals(other.query);
  }

  @Override
  public int hashCode() {
    return Objects.hash(scheme, specific, query);
  }
}
