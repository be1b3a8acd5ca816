package io.statestore.migrate;

/**
 * How to copy.
 *
 * @param pattern the state ids to copy, a glob (see {@link StatePattern}); {@code null} for all
 * @param mode what to do with states that exist in the target with a different body
 * @param dryRun decide and report everything, write nothing
 * @param force with {@link CopyMode#OVERWRITE}, also replace target states newer than the source
 * @param batchSize how many states are read, compared and written together
 */
public record CopyOptions(
    String pattern, CopyMode mode, boolean dryRun, boolean force, int batchSize) {

  /** The default batch size. */
  public static final int DEFAULT_BATCH_SIZE = 100;

  /** Checks the arguments. */
  public CopyOptions {
    if (mode == null) {
      throw new IllegalArgumentException("mode is required");
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batchSize must be at least 1, got " + batchSize);
    }
  }

  /** Copies every state, skipping existing ones, for real. */
  public static CopyOptions defaults() {
    return new CopyOptions(null, CopyMode.SKIP_EXISTING, false, false, DEFAULT_BATCH_SIZE);
  }

  /** These options with another pattern. */
  public CopyOptions withPattern(String glob) {
    return new CopyOptions(glob, mode, dryRun, force, batchSize);
  }

  /** These options with another mode. */
  public CopyOptions withMode(CopyMode newMode) {
    return new CopyOptions(pattern, newMode, dryRun, force, batchSize);
  }

  /** These options as a dry run or not. */
  public CopyOptions withDryRun(boolean dry) {
    return new CopyOptions(pattern, mode, dry, force, batchSize);
  }

  /** These options forced or not. */
  public CopyOptions withForce(boolean forced) {
    return new CopyOptions(pattern, mode, dryRun, forced, batchSize);
  }

  /** These options with another batch size. */
  public CopyOptions withBatchSize(int size) {
    return new CopyOptions(pattern, mode, dryRun, force, size);
  }
}
