package io.statestore.migrate;

/**
 * Hears about each state as a copy decides it, in source order. All methods do nothing by default.
 */
public interface CopyListener {
  /** A listener that hears nothing. */
  CopyListener NONE = new CopyListener() {};

  /** A state was copied (or, in a dry run, would be). */
  default void copied(String stateId, boolean replaced) {}

  /** A state was left alone. */
  default void skipped(String stateId, SkipReason reason) {}

  /** A state could not be copied. */
  default void failed(CopyFailure failure) {}

  /** A batch is done; {@code processed} states so far. */
  default void progress(long processed) {}
}
