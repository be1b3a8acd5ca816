package io.statestore.core;

/**
 * Stands in for a cause whose message held a secret: it carries the original's class name, its
 * message with the secret masked, and its stack trace.
 */
final class ScrubbedCause extends RuntimeException {
  private static final long serialVersionUID = 1L;

  ScrubbedCause(String message, Throwable cause) {
    super(message, cause);
  }

  @Override
  public String toString() {
    return getMessage();
  }
}
