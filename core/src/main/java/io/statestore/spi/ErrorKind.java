package io.statestore.spi;

/**
 * The small, closed set of failure categories every backend reports. The JDBC layer maps each kind
 * to a SQLState in exactly one place, so a backend never needs to know about SQL.
 */
public enum ErrorKind {
  /** The named state (or lock) does not exist. */
  NOT_FOUND,
  /** A create-if-absent write found the object already present. */
  ALREADY_EXISTS,
  /** A conditional write found another version, or a lock is held by someone else. */
  CONFLICT,
  /** Waiting for a lock or for the store ran past the allowed time. */
  TIMEOUT,
  /** Input was refused: a bad state id, a body over the size limit, a bad argument. */
  INVALID_INPUT,
  /**
   * A body is not valid JSON or not a state document {@code {"completed": ..., "partial": ...}}.
   */
  INVALID_DOCUMENT,
  /** A required value (state_id, body) is missing or NULL. */
  MISSING_VALUE,
  /** The store could not be reached or failed in a way that may pass. */
  UNAVAILABLE,
  /** The store refused our credentials or permissions. */
  DENIED,
  /** The URI or a setting is wrong; nothing was attempted. */
  INVALID_CONFIGURATION,
  /** The operation is not supported by this backend or this product. */
  UNSUPPORTED,
  /** The operation was cancelled by the caller. */
  CANCELLED,
  /**
   * A stored object is unreadable: not a state document, or torn by a writer that is not atomic.
   */
  CORRUPT
}
