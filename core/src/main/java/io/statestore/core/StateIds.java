package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;

/**
 * The one rule for state ids, applied above every backend so that an id valid on one store is valid
 * on all of them (migration depends on it).
 *
 * <p>A state id is 1 to {@value #MAX_UTF8_BYTES} bytes of UTF-8 (a file name's limit on common file
 * systems), not blank, with no {@code /} or {@code \} (Meltano's listings break on them), no {@code
 * ..}, no NUL or other control characters, and no unpaired surrogates.
 */
public final class StateIds {
  /** The longest id, in UTF-8 bytes. */
  public static final int MAX_UTF8_BYTES = 255;

  private StateIds() {}

  /**
   * Checks a state id.
   *
   * @return the id, unchanged
   * @throws StateStoreException {@link ErrorKind#INVALID_INPUT} naming the id and the rule broken
   */
  public static String validate(String stateId) {
    if (stateId == null) {
      throw new StateStoreException(ErrorKind.MISSING_VALUE, "state_id is NULL");
    }
    String problem = problem(stateId);
    if (problem != null) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT, "Invalid state_id " + quote(stateId) + ": " + problem);
    }
    return stateId;
  }

  /** Whether {@link #validate} would accept the id. */
  public static boolean isValid(String stateId) {
    return problem(stateId) == null;
  }

  private static String problem(String id) {
    if (id == null) {
      return "it is null";
    }
    if (id.isEmpty()) {
      return "it is empty";
    }
    if (id.isBlank()) {
      return "it is only white space";
    }
    if (id.indexOf('/') >= 0 || id.indexOf('\\') >= 0) {
      return "it contains '/' or '\\'";
    }
    if (id.contains("..") || id.equals(".")) {
      return "it contains '..' or is '.'";
    }
    for (int i = 0; i < id.length(); i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        return "it contains a control character (U+" + String.format("%04X", (int) c) + ")";
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= id.length() || !Character.isLowSurrogate(id.charAt(i + 1))) {
          return "it contains an unpaired surrogate";
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return "it contains an unpaired surrogate";
      }
    }
    int bytes = id.getBytes(StandardCharsets.UTF_8).length;
    if (bytes > MAX_UTF8_BYTES) {
      return "it is " + bytes + " bytes long in UTF-8; the limit is " + MAX_UTF8_BYTES;
    }
    return null;
  }

  /** Quotes an id for a message, escaping control characters and shortening long ones. */
  public static String quote(String id) {
    if (id == null) {
      return "null";
    }
    StringBuilder sb = new StringBuilder("'");
    int limit = Math.min(id.length(), 80);
    for (int i = 0; i < limit; i++) {
      char c = id.charAt(i);
      if (Character.isISOControl(c)) {
        sb.append(String.format("\\u%04x", (int) c));
      } else {
        sb.append(c);
      }
    }
    if (id.length() > limit) {
      sb.append("...");
    }
    return sb.append('\'').toString();
  }
}
