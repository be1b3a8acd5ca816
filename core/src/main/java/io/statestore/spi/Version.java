package io.statestore.spi;

import java.util.Objects;

/**
 * An opaque token identifying one stored version of an object: an ETag, a GCS generation, a content
 * hash. Only equality is meaningful.
 *
 * @param token the backend's token, never empty
 */
public record Version(String token) {
  public Version {
    Objects.requireNonNull(token, "token");
    if (token.isEmpty()) {
      throw new IllegalArgumentException("empty version token");
    }
  }

  @Override
  public String toString() {
    return token;
  }
}
