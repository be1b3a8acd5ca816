package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;

/**
 * A write gave up waiting for a lock another writer holds. Unlike a {@link ErrorKind#TIMEOUT} from
 * the store itself, the store is healthy: retrying later is enough, so no fallback file is saved.
 */
final class LockWaitTimeoutException extends StateStoreException {
  private static final long serialVersionUID = 1L;

  LockWaitTimeoutException(String message) {
    super(ErrorKind.TIMEOUT, message);
  }
}
