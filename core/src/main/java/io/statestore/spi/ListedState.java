package io.statestore.spi;

import java.time.Instant;
import java.util.Objects;

/**
 * One entry of a listing: a state id and, when the store gives it for free, its last-modified time.
 *
 * @param stateId the state id
 * @param lastModified the object's last-modified time, or {@code null} when unknown
 */
public record ListedState(String stateId, Instant lastModified) {
  public ListedState {
    Objects.requireNonNull(stateId, "stateId");
  }
}
