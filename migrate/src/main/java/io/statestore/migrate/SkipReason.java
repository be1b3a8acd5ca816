package io.statestore.migrate;

/** Why a copy left a state alone. */
public enum SkipReason {
  /** The target holds the same body already (what makes a re-run a resume). */
  UNCHANGED("same body in the target"),
  /** The target holds a different body and the mode is {@link CopyMode#SKIP_EXISTING}. */
  EXISTS("exists in the target with a different body; --overwrite replaces it"),
  /**
   * The target's {@code updated_at} is newer than the source's; replacing it would lose a newer
   * state, so it is refused unless forced.
   */
  TARGET_NEWER("the target state is newer than the source; --overwrite --force replaces it");

  private final String description;

  SkipReason(String description) {
    this.description = description;
  }

  /** A short explanation for users. */
  public String description() {
    return description;
  }
}
