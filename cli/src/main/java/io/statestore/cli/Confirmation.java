package io.statestore.cli;

import picocli.CommandLine.Option;

/**
 * The {@code --force} option of the verbs that delete or replace, and the question they ask on a
 * terminal without it.
 */
final class Confirmation {
  @Option(names = "--force", description = "Do not ask for confirmation.")
  boolean force;

  /**
   * Goes on when forced or when the user says yes; otherwise stops the verb with {@code refusal}
   * (exit 1, nothing done).
   */
  void require(CliIo io, String question, String refusal) {
    if (!force && !io.confirm(question)) {
      throw new UserException(refusal);
    }
  }
}
