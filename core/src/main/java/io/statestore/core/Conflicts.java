package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;

/** The error of a compare-and-set write that found the state changed or gone. */
final class Conflicts {
  private Conflicts() {}

  /**
   * A conflict naming the state for a backend's conflict or not-found; other errors as they are.
   */
  static StateStoreException of(String stateId, StateStoreException e) {
    if (e.kind() == ErrorKind.CONFLICT || e.kind() == ErrorKind.NOT_FOUND) {
      return new StateStoreException(
          ErrorKind.CONFLICT,
          "State_id "
              + StateIds.quote(stateId)
              + " was changed by someone else since it was read; nothing was written, retry",
          e);
    }
    return e;
  }
}
