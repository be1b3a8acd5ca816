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
 */
public record StateRecord(String stateId, byte[] body, Instant updatedAt, Version version) {

  /** The body as text. */
  public String bodyText() {
    return new String(body, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "StateRecord[" + stateId + ", " + body.length + " bytes, " + updatedAt + "]";
  }
}
