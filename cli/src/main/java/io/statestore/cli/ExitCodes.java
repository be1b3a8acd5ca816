package io.statestore.cli;

/** The exit statuses of the {@code statestore} command. */
public final class ExitCodes {
  /** Everything done. */
  public static final int OK = 0;

  /** A user error (bad arguments, missing state, refused overwrite, store error). */
  public static final int USER_ERROR = 1;

  /** Partial failure: some states were done and some failed or were refused. */
  public static final int PARTIAL = 2;

  private ExitCodes() {}
}
