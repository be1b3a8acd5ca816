package io.statestore.cli;

/**
 * A failure the user can fix (a wrong argument, a missing state or file, a refused overwrite): the
 * command prints its one-line message with its SQLState and exits with status 1.
 */
public final class UserException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The SQLState of a bad value given by the user. */
  static final String BAD_VALUE = "22023";

  private final String sqlState;

  /** A failure with a message for the user (SQLState {@value #BAD_VALUE}). */
  public UserException(String message) {
    this(message, BAD_VALUE, null);
  }

  /** A failure with a message for the user and its cause (SQLState {@value #BAD_VALUE}). */
  public UserException(String message, Throwable cause) {
    this(message, BAD_VALUE, cause);
  }

  /**
   * A failure with a message, a SQLState and a cause.
   *
   * @param message the message for the user
   * @param sqlState the SQLState, e.g. {@code 42704} for a missing state
   * @param cause the cause, or {@code null}
   */
  public UserException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** The SQLState. */
  public String sqlState() {
    return sqlState;
  }
}
