package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Meltano's lock protocol over a backend, written once for every store: a lock object holding the
 * UTC epoch seconds at which it was taken, created only where none exists, retried every {@code
 * lock_retry_seconds} while someone else holds it, taken over with a conditional write once it is
 * older than {@code lock_timeout_seconds}, and released only while it is still the one written.
 */
final class LockProtocol {
  private static final Logger LOG = LoggerFactory.getLogger(LockProtocol.class);

  private final StateBackend backend;
  private final StoreOptions options;

  LockProtocol(StateBackend backend, StoreOptions options) {
    this.backend = backend;
    this.options = options;
  }

  /** Takes the lock of an id already checked by the store, waiting as the options say. */
  StateLock take(StateStore store, String stateId, Deadline deadline) {
    Deadline limit = options.lockWait().isZero() ? deadline : deadline.atMost(options.lockWait());
    String what = "waiting for the lock of state_id " + StateIds.quote(stateId);
    while (true) {
      limit.checkCancelled(what);
      Instant now = options.clock().instant();
      byte[] stamp = LockTimestamps.format(now);
      try {
        Version v = writeLock(stateId, stamp, Precondition.absent(), deadline, what);
        return new StateLock(store, stateId, v);
      } catch (StateStoreException e) {
        if (e.kind() != ErrorKind.ALREADY_EXISTS) {
          throw e;
        }
      }
      Optional<StoredObject> held =
          BoundedCalls.call(deadline, what, () -> backend.read(stateId, ObjectKind.LOCK), null);
      if (held.isEmpty()) {
        continue; // released in between: try again at once
      }
      Instant lockedAt = lockedAt(held.get());
      Instant expires = lockedAt.plus(options.lockTimeout());
      if (expires.isBefore(now)) {
        try {
          Precondition stale = Precondition.matches(held.get().version());
          Version v = writeLock(stateId, stamp, stale, deadline, what);
          LOG.warn(
              "Took over the stale lock of state_id {} (taken at {}, stale after {})",
              StateIds.quote(stateId),
              lockedAt,
              options.lockTimeout());
          return new StateLock(store, stateId, v);
        } catch (StateStoreException e) {
          if (e.kind() != ErrorKind.CONFLICT && e.kind() != ErrorKind.NOT_FOUND) {
            throw e;
          }
          continue; // someone else took it over or released it first
        }
      }
      if (limit.expired()) {
        throw new LockWaitTimeoutException(
            "State_id "
                + StateIds.quote(stateId)
                + " is locked by another writer since "
                + lockedAt
                + " (stale after "
                + expires
                + "); gave up waiting");
      }
      long pause = Math.max(1_000_000L, options.lockRetry().toNanos());
      limit.sleep(pause, what);
    }
  }

  /** A lock written after its statement gave up is released (so nobody waits for it). */
  private Version writeLock(String id, byte[] stamp, Precondition p, Deadline d, String what) {
    return BoundedCalls.call(
        d, what, () -> backend.write(id, ObjectKind.LOCK, stamp, p), late -> release(id, late));
  }

  /** Releases a lock only if it is still at {@code version}; a failure is logged, not thrown. */
  void release(String stateId, Version version) {
    try {
      backend.delete(stateId, ObjectKind.LOCK, Precondition.matches(version));
    } catch (StateStoreException e) {
      if (e.kind() == ErrorKind.CONFLICT) {
        LOG.warn(
            "The lock of state_id {} was taken over by another writer before it was released;"
                + " its write was held longer than lock_timeout_seconds ({})",
            StateIds.quote(stateId),
            options.lockTimeout());
      } else {
        LOG.warn("Could not release the lock of state_id {}", StateIds.quote(stateId), e);
      }
    }
  }

  /** When a lock was taken: its content, else the time the store gives, else the epoch. */
  static Instant lockedAt(StoredObject lock) {
    return LockTimestamps.parse(lock.content())
        .or(() -> Optional.ofNullable(lock.lastModified()))
        .orElse(Instant.EPOCH);
  }
}
