package io.statestore.backend.s3;

/** Comparing ETags as S3 and S3-compatible stores spell them (quoted or not, weak or strong). */
final class ETags {
  private ETags() {}

  /** Whether an answer carried no ETag. */
  static boolean missing(String eTag) {
    return eTag == null || eTag.isEmpty();
  }

  /** Whether two ETags name the same version; a missing one matches nothing. */
  static boolean same(String a, String b) {
    return !missing(a) && !missing(b) && unquote(a).equals(unquote(b));
  }

  private static String unquote(String eTag) {
    String t = eTag.startsWith("W/") ? eTag.substring(2) : eTag;
    return t.length() >= 2 && t.startsWith("\"") && t.endsWith("\"")
        ? t.substring(1, t.length() - 1)
        : t;
  }
}
