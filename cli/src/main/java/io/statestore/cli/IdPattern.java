package io.statestore.cli;

import io.statestore.migrate.StatePattern;
import picocli.CommandLine.Option;

/**
 * The {@code --pattern} option of the listing verbs: the store lists the pattern's literal prefix,
 * then each id is matched against the whole glob.
 */
final class IdPattern {
  @Option(
      names = "--pattern",
      paramLabel = "<glob>",
      description = "Only ids matching this pattern: * any run, ? one character, [abc] a class.")
  String pattern;

  /** The pattern given, or one matching every id. */
  StatePattern compiled() {
    return StatePattern.of(pattern);
  }
}
