package io.statestore.backend.s3;

import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an S3 store is: {@code s3://bucket/prefix}, optionally with keys as user info ({@code
 * s3://key:secret@bucket/prefix}, URL-decoded). Parsed as Meltano parses it: the bucket is the
 * host, the prefix is the path without leading or trailing {@code /}, taken verbatim (not
 * URL-decoded, so that both tools find the same keys).
 *
 * <p>{@link #toString()} shows {@code s3://bucket/prefix}, never the keys.
 */
public final class S3Location {
  private static final Pattern BUCKET = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final String bucket;
  private final String prefix;
  private final StaticKeys userInfo;

  /**
   * @param bucket the bucket name
   * @param prefix the key prefix without leading or trailing {@code /}, possibly empty
   * @param userInfo keys given in the URI, or {@code null}
   */
  public S3Location(String bucket, String prefix, StaticKeys userInfo) {
    this.bucket = Objects.requireNonNull(bucket, "bucket");
    this.prefix = ObjectStoreLocation.trimSlashes(Objects.requireNonNull(prefix, "prefix"));
    this.userInfo = userInfo;
  }

  /**
   * Parses an {@code s3:} location; fails fast, before any network call.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming what is wrong (never
   *     showing the user info)
   */
  public static S3Location parse(StoreLocation location) {
    String specific = location.specific();
    if (!specific.startsWith("//")) {
      throw invalid("it must look like s3://bucket/prefix");
    }
    String rest = specific.substring(2);
    int hash = rest.indexOf('#');
    if (hash >= 0) {
      rest = rest.substring(0, hash);
    }
    int slash = rest.indexOf('/');
    String authority = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash + 1);
    int at = authority.lastIndexOf('@');
    String host = at < 0 ? authority : authority.substring(at + 1);
    StaticKeys keys = at < 0 ? null : userInfo(authority.substring(0, at));
    if (host.isEmpty()) {
      throw invalid("it names no bucket (expected s3://bucket/prefix)");
    }
    if (!BUCKET.matcher(host).matches() || host.length() > 255) {
      throw invalid(
          "its bucket name is not valid (expected s3://bucket/prefix; a secret key that contains"
              + " '/' must be written as %2F in the URI)");
    }
    return new S3Location(host, path, keys);
  }

  private static StaticKeys userInfo(String text) {
    int colon = text.indexOf(':');
    if (colon < 0) {
      throw invalid(
          "its user info must be 'access_key_id:secret_access_key'"
              + " (s3://key:secret@bucket/prefix)");
    }
    String id = decode(text.substring(0, colon));
    String secret = decode(text.substring(colon + 1));
    if (id.isBlank() || secret.isBlank()) {
      throw invalid("its user info has an empty access key id or secret access key");
    }
    return new StaticKeys(id, secret, null);
  }

  private static String decode(String text) {
    try {
      return URLDecoder.decode(text.replace("+", "%2B"), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw invalid("its user info has a malformed %-escape");
    }
  }

  private static StateStoreException invalid(String problem) {
    return new StateStoreException(ErrorKind.INVALID_CONFIGURATION, "The s3 URI: " + problem);
  }

  /** The bucket name. */
  public String bucket() {
    return bucket;
  }

  /** The key prefix without leading or trailing {@code /}; empty for the bucket's root. */
  public String prefix() {
    return prefix;
  }

  /** The keys given as the URI's user info, if any. */
  public Optional<StaticKeys> userInfo() {
    return Optional.ofNullable(userInfo);
  }

  /** The bucket and prefix, without credentials. */
  public ObjectStoreLocation withoutCredentials() {
    return ObjectStoreLocation.of("s3", bucket, prefix);
  }

  /** The location without credentials: {@code s3://bucket/prefix} or {@code s3://bucket}. */
  @Override
  public String toString() {
    return withoutCredentials().describe();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof S3Location other
        && bucket.equals(other.bucket)
        && prefix.equals(other.prefix)
        && Objects.equals(userInfo, other.userInfo);
  }

  @Override
  public int hashCode() {
    return Objects.hash(bucket, prefix);
  }
}
