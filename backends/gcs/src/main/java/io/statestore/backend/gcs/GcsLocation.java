package io.statestore.backend.gcs;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.regex.Pattern;

/**
 * The bucket and object name prefix of a {@code gs://bucket/prefix} URI, as Meltano reads it: the
 * bucket is the URI's host, the prefix its path without leading or trailing {@code /}, taken
 * literally (not URL-decoded).
 */
final class GcsLocation {
  /**
   * Cloud Storage's bucket name rules: 3 to 63 characters (up to 222 with dots) of lower-case
   * letters, digits, {@code -}, {@code _} and {@code .}, starting and ending with a letter or
   * digit.
   */
  private static final Pattern BUCKET =
      Pattern.compile("^(?=.{3,222}$)[a-z0-9](?:[a-z0-9._-]*[a-z0-9])?$");

  private final String bucket;
  private final String prefix;

  private GcsLocation(String bucket, String prefix) {
    this.bucket = bucket;
    this.prefix = prefix;
  }

  /**
   * Parses the location of a {@code gs} store.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming what is wrong
   */
  static GcsLocation parse(StoreLocation location) {
    String specific = location.specific();
    if (!location.query().isEmpty()) {
      throw invalid(location, "has query parameters that are not statestore settings");
    }
    if (!specific.startsWith("//")) {
      throw invalid(location, "must be gs://<bucket>/<prefix>");
    }
    String rest = specific.substring(2);
    int slash = rest.indexOf('/');
    String bucket = slash < 0 ? rest : rest.substring(0, slash);
    String path = slash < 0 ? "" : rest.substring(slash);
    if (bucket.isEmpty()) {
      throw invalid(location, "names no bucket; it must be gs://<bucket>/<prefix>");
    }
    if (bucket.contains("@") || bucket.contains(":")) {
      throw invalid(
          location,
          "must not carry credentials or a port; give a credentials file in the setting "
              + GcsSettings.APPLICATION_CREDENTIALS.key()
              + " or the environment variable "
              + GcsSettings.APPLICATION_CREDENTIALS_ENV
              + ", and another endpoint in "
              + GcsSettings.ENDPOINT.key());
    }
    if (!BUCKET.matcher(bucket).matches()
        || (bucket.indexOf('.') < 0 && bucket.length() > 63)
        || bucket.contains("..")) {
      throw invalid(
          location,
          "names the bucket '"
              + bucket
              + "', which is not a valid Cloud Storage bucket name (3 to 63 lower-case letters,"
              + " digits, '-', '_' and '.', starting and ending with a letter or digit)");
    }
    return new GcsLocation(bucket, stripSlashes(path));
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
        ErrorKind.INVALID_CONFIGURATION, "Cloud Storage URI '" + location.redacted() + "' " + what);
  }

  /** The bucket's name. */
  String bucket() {
    return bucket;
  }

  /** The object name prefix without leading or trailing {@code /}, possibly empty. */
  String prefix() {
    return prefix;
  }

  /** {@code gs://bucket/prefix}, or {@code gs://bucket} without a prefix. */
  String describe() {
    return "gs://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix);
  }

  @Override
  public String toString() {
    return describe();
  }
}
