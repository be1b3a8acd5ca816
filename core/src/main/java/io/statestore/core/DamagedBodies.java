package io.statestore.core;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** How a stored body that is not a valid state document is described and compared. */
final class DamagedBodies {
  private DamagedBodies() {}

  /** The warning for a damaged body: names the state id and says how to repair it. */
  static String warning(String stateId, byte[] content, String store) {
    String utf8 = isUtf8(content) ? "" : ", not valid UTF-8 (shown with U+FFFD)";
    return "Stored state of state_id "
        + StateIds.quote(stateId)
        + " in "
        + store
        + " is not a valid state document ("
        + content.length
        + " bytes"
        + utf8
        + "; the file may be truncated or broken). It is returned as stored; replace it with"
        + " UPDATE state SET body = ... WHERE state_id = "
        + StateIds.quote(stateId)
        + " or remove it with DELETE";
  }

  /**
   * Whether a stored body is the one a statement read: the same bytes, or (for a body that is not
   * valid UTF-8, which a reader sees with U+FFFD) the same text.
   */
  static boolean sameBody(byte[] stored, byte[] expected) {
    if (Arrays.equals(stored, expected)) {
      return true;
    }
    return !isUtf8(stored)
        && new String(stored, StandardCharsets.UTF_8)
            .equals(new String(expected, StandardCharsets.UTF_8));
  }

  private static boolean isUtf8(byte[] content) {
    try {
      StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(content));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }
}
