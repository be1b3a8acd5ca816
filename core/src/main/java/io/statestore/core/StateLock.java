package io.statestore.core;

import io.statestore.spi.Version;

/**
 * A held lock on one state id; closing it releases the lock if it is still ours.
 *
 * <p>Obtained from {@link StateStore#lock(String, Deadline)}.
 */
public final class StateLock implements AutoCloseable {
  private final StateStore store;
  private final String stateId;
  private final Version version;
  private boolean released;

  StateLock(StateStore store, String stateId, Version version) {
    this.store = store;
    this.stateId = stateId;
    this.version = version;
  }

  /** The locked state id. */
  public String stateId() {
    return stateId;
  }

  /** Releases the lock (idempotent). */
  @Override
  public void close() {
    if (!released) {
      released = true;
      store.release(stateId, version);
    }
  }
}
