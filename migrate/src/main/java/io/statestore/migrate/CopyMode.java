package io.statestore.migrate;

/** What a copy does with a state that already exists in the target with a different body. */
public enum CopyMode {
  /** Leave it and report it (the default). */
  SKIP_EXISTING,
  /**
   * Replace it, unless the target's {@code updated_at} is newer than the source's (then it is
   * refused unless forced).
   */
  OVERWRITE
}
