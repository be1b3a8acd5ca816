package io.statestore.backend.s3;

import java.util.Objects;

/**
 * An access key pair (and optional session token) given explicitly. {@link #toString()} never shows
 * them.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 * @param sessionToken a session token, or {@code null}
 */
public record StaticKeys(String accessKeyId, String secretAccessKey, String sessionToken) {
  public StaticKeys {
    Objects.requireNonNull(accessKeyId, "accessKeyId");
    Objects.requireNonNull(secretAccessKey, "secretAccessKey");
  }

  @Override
  public String toString() {
    return "StaticKeys[***]";
  }
}
