package io.statestore.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One object as read from a backend.
 *
 * @param content its bytes, as stored
 * @param lastModified when the store last changed it, or {@code null} if the store does not know
 * @param version the token to use with {@link Precondition#matches(Version)}
 */
public record StoredObject(byte[] content, Instant lastModified, Version version) {
  public StoredObject {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(version, "version");
  }

  @Override
  public String toString() {
    return "StoredObject[" + content.length + " bytes, " + lastModified + ", " + version + "]";
  }
}
