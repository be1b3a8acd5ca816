package io.statestore.cli;

/**
 * A failure the user can fix (a wrong argument, a missing state or file, a refused overwrite): the
 * command prints its one-line message and exits with status 1.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** A failure with a message for the user. */
  public UserException(String message) {
    super(message);
  }

  /** A failure with a message for the user and its cause. */
  public UserException(String message, Throwable cause) {
    super(message, cause);
  }
}
