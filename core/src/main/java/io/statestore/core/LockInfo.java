package io.statestore.core;

import java.time.Instant;

/**
 * A lock object as seen by readers.
 *
 * @param stateId the locked state id
 * @param lockedAt when it was taken (from its content, else the object's last-modified time)
 * @param expiresAt when it becomes stale
 */
public record LockInfo(String stateId, Instant lockedAt, Instant expiresAt) {}
