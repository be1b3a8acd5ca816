package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;

/**
 * State id helpers: the {@linkplain StateIdRule#portable() portable rule} every store can follow,
 * and quoting ids for messages. Which ids one store can hold is its backend's {@link
 * io.statestore.spi.StateBackend#idRule()}, applied by {@link StateStore}.
 */
public final class StateIds {
  /** The longest id of the portable rule, in UTF-8 bytes. */
  public static final int MAX_UTF8_BYTES = StateIdRule.PORTABLE_MAX_UTF8_BYTES;

  private static final StateIdRule PORTABLE = StateIdRule.portable();

  private StateIds() {}

  /**
   * Checks a state id against the portable rule.
   *
   * @return the id, unchanged
   * @throws StateStoreException {@link ErrorKind#INVALID_INPUT} naming the id and the rule broken
   */
  public static String validate(String stateId) {
    return validate(stateId, PORTABLE);
  }

  /**
   * Checks a state id against a store's rule.
   *
   * @return the id, unchanged
   * @throws StateStoreException {@link ErrorKind#MISSING_VALUE} for {@code null}, {@link
   *     ErrorKind#INVALID_INPUT} naming the id and the rule broken
   */
  public static String validate(String stateId, StateIdRule rule) {
    if (stateId == null) {
      throw new StateStoreException(ErrorKind.MISSING_VALUE, "state_id is NULL");
    }
    String problem = rule.problem(stateId);
    if (problem != null) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT, "Invalid state_id " + quote(stateId) + ": " + problem);
    }
    return stateId;
  }

  /** Whether the portable rule accepts the id. */
  public static boolean isValid(String stateId) {
    return PORTABLE.accepts(stateId);
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
