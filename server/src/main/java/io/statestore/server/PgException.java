package io.statestore.server;

/** A refusal the server reports to the client as an ErrorResponse with this SQLState. */
final class PgException extends Exception {
  private static final long serialVersionUID = 1L;
  final String sqlState;

  PgException(String sqlState, String message) {
    super(message);
    this.sqlState = sqlState;
  }
}
