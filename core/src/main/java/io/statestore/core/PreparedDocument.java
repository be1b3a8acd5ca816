package io.statestore.core;

import java.nio.charset.StandardCharsets;

/**
 * A state document checked and rendered for storage, with the id it is for: made once by {@link
 * StateStore#prepare(String, String, Deadline)}, so that a statement which checks every row of a
 * batch before writing any of them parses each body once.
 *
 * <p>Immutable; the bytes are Meltano's rendering of the body (Python's {@code json.dumps}).
 */
public final class PreparedDocument {
  private final String stateId;
  private final byte[] bytes;

  PreparedDocument(String stateId, byte[] bytes) {
    this.stateId = stateId;
    this.bytes = bytes;
  }

  /** The state id the document was checked for. */
  public String stateId() {
    return stateId;
  }

  /** The rendered document as UTF-8 text. */
  public String text() {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** Its length in UTF-8 bytes. */
  public int length() {
    return bytes.length;
  }

  /** The bytes to store; the caller must not change them. */
  byte[] bytes() {
    return bytes;
  }

  @Override
  public String toString() {
    return "PreparedDocument[" + StateIds.quote(stateId) + ", " + bytes.length + " bytes]";
  }
}
