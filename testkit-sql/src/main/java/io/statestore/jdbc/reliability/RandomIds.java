package io.statestore.jdbc.reliability;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Random state ids for property tests, with two rules written out here independently of the
 * product: the ids every store must hold ({@link #isValid}: 1 to 255 UTF-8 bytes, not blank, no
 * {@code /}, {@code \}, {@code ..}, control characters or unpaired surrogates, and not {@code .}),
 * and the ids no store can hold ({@link #isNeverValid}: empty, NUL, unpaired surrogates). Between
 * the two, a store holds what its own rule allows.
 */
public final class RandomIds {
  private static final String SAFE = "abcdefxyzABC0189 _-:.@+=,;()[]{}~!$%&'\u00e9\u00fc\u4e2d";
  private static final String[] BAD = {
    "/", "\\", "..", "\u0000", "\n", "\u0007", "\u007f", "\u0085", "\ud800", "\udc00"
  };

  private RandomIds() {}

  /** A random id, valid about two times in three. */
  public static String next(SplittableRandom r) {
    StringBuilder sb = new StringBuilder();
    int n = r.nextInt(10) == 0 ? 200 + r.nextInt(100) : 1 + r.nextInt(24);
    for (int i = 0; i < n; i++) {
      if (r.nextInt(40) == 0) {
        sb.append("\ud83d\ude80");
      } else {
        sb.append(SAFE.charAt(r.nextInt(SAFE.length())));
      }
    }
    if (r.nextInt(3) == 0) {
      sb.insert(r.nextInt(sb.length() + 1), BAD[r.nextInt(BAD.length)]);
    }
    if (r.nextInt(30) == 0) {
      return r.nextBoolean() ? "" : " ".repeat(1 + r.nextInt(3));
    }
    return sb.toString();
  }

  /** Whether no store can hold the id. */
  public static boolean isNeverValid(String id) {
    if (id.isEmpty() || id.indexOf('\u0000') >= 0) {
      return true;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isHighSurrogate(c)
          && i + 1 < id.length()
          && Character.isLowSurrogate(id.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return true;
      }
    }
    return false;
  }

  /** Whether every store must accept the id. */
  public static boolean isValid(String id) {
    if (id.isEmpty() || id.isBlank() || id.equals(".") || id.contains("..")) {
      return false;
    }
    if (id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
      return false;
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return false;
      }
      if (Character.isSurrogate(c)) {
        boolean paired =
            Character.isHighSurrogate(c)
                && i + 1 < id.length()
                && Character.isLowSurrogate(id.charAt(i + 1));
        if (!paired) {
          return false;
        }
        i++;
      }
    }
    return id.getBytes(StandardCharsets.UTF_8).length <= 255;
  }
}
