package io.statestore.migrate;

import java.util.List;

/**
 * What a copy did.
 *
 * @param dryRun whether nothing was written (the counts say what would have been)
 * @param copied states written to the target (new ones and replaced ones)
 * @param replaced of {@code copied}, the states that replaced an existing target state
 * @param unchanged states skipped because the target holds the same body
 * @param existing states skipped because they exist in the target with a different body
 * @param targetNewer states refused because the target is newer than the source
 * @param failed states that failed
 * @param failures the first {@link #MAX_KEPT_FAILURES} of them, each with its SQLState and message
 *     (a {@link CopyListener} hears about every one)
 */
public record CopyResult(
    boolean dryRun,
    long copied,
    long replaced,
    long unchanged,
    long existing,
    long targetNewer,
    long failed,
    List<CopyFailure> failures) {

  /** How many failures a result keeps, so that memory stays bounded however many fail. */
  public static final int MAX_KEPT_FAILURES = 1000;

  /** Copies the failure list. */
  public CopyResult {
    failures = List.copyOf(failures);
  }

  /** All states skipped, for any reason. */
  public long skipped() {
    return unchanged + existing + targetNewer;
  }

  /** Every state the copy looked at. */
  public long total() {
    return copied + skipped() + failed;
  }

  /** Whether some state that should have been copied was not: failures or refused replacements. */
  public boolean partial() {
    return failed > 0 || targetNewer > 0;
  }

  /** A one-line summary. */
  public String summary() {
    return (dryRun ? "Dry run: would copy " : "Copied ")
        + copied
        + (replaced > 0 ? " (" + replaced + " replaced)" : "")
        + ", skipped "
        + skipped()
        + " ("
        + unchanged
        + " unchanged, "
        + existing
        + " existing, "
        + targetNewer
        + " newer in target), failed "
        + failed;
  }
}
