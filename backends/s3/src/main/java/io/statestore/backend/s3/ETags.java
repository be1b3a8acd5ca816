package io.statestore.backend.s3;

import java.util.Locale;
import java.util.regex.Pattern;

/** Comparing ETags as S3 and S3-compatible stores spell them (quoted or not, weak or strong). */
final class ETags {
  private static final Pattern MD5_HEX = Pattern.compile("[0-9a-fA-F]{32}");

  private ETags() {}

  /** Whether an answer carried no ETag. */
  static boolean missing(String eTag) {
    return eTag == null || eTag.isEmpty();
  }

  /** Whether two ETags name the same version; a missing one matches nothing. */
  static boolean same(String a, String b) {
    return !missing(a) && !missing(b) && unquote(a).equals(unquote(b));
  }

  /**
   * The MD5 an ETag may be: S3 gives an object written in one piece without KMS encryption its MD5
   * in hex as the ETag. {@code null} for an ETag of another form (multipart uploads).
   */
  static String md5Hex(String eTag) {
    if (missing(eTag)) {
      return null;
    }
    String t = unquote(eTag);
    return MD5_HEX.matcher(t).matches() ? t.toLowerCase(Locale.ROOT) : null;
  }

  /** A well-formed ETag that is not {@code eTag}, for a condition meant to fail. */
  static String another(String eTag) {
    String zeros = "\"00000000000000000000000000000000\"";
    return same(zeros, eTag) ? "\"ffffffffffffffffffffffffffffffff\"" : zeros;
  }

  private static String unquote(String eTag) {
    String t = eTag.startsWith("W/") ? eTag.substring(2) : eTag;
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}
