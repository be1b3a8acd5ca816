package io.statestore.core;

import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A state as read: its id, its document, when it last changed (or {@code null}) and its version.
 *
 * @param stateId the state id
 * @param body the state document's bytes (UTF-8 JSON), as stored
 * @param updatedAt last-modified time in UTC, {@code null} when the backend does not know it
 * @param version the version to make a later write conditional on
 * @param damaged whether the stored bytes are not a valid state document (a truncated or otherwise
 *     broken file); such a record is returned as stored so that it can be seen, overwritten or
 *     deleted
 */
public record StateRecord(
    String stateId, byte[] body, Instant updatedAt, Version version, boolean damaged) {

  /** A record of a valid state document. */
  public StateRecord(String stateId, byte[] body, Instant updatedAt, Version version) {
    this(stateId, body, updatedAt, version, false);
  }

  /**
   * The body as text: the stored bytes decoded as UTF-8, each malformed byte sequence (only in a
   * damaged body) shown as U+FFFD.
   */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "StateRecord["
        + stateId
        + ", "
        + body.length
        + " bytes, "
        + updatedAt
        + (damaged ? ", damaged" : "")
        + "]";
  }
}
