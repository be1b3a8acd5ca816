package io.statestore.cli;

import java.util.List;

/**
 * The verbs of the command by name, so that a run builds the model of the one verb it calls:
 * picocli reads a verb's options by reflection when the verb is added, and reading all sixteen took
 * a large part of the command's start.
 */
final class Verbs {
  /** Every verb, in the order the help lists them. */
  static final List<String> NAMES =
      List.of(
          "list", "get", "set", "clear", "copy", "move", "merge", "edit", "export", "import",
          "migrate", "locks", "unlock", "sql", "serve", "info");

  private Verbs() {}

  /**
   * The class of a verb; only that class is loaded.
   *
   * @return the class, or null when no verb has that name
   */
  static Class<?> of(String name) {
    return switch (name) {
      case "list" -> ListCommand.class;
      case "get" -> GetCommand.class;
      case "set" -> SetCommand.class;
      case "clear" -> ClearCommand.class;
      case "copy" -> CopyCommand.class;
      case "move" -> MoveCommand.class;
      case "merge" -> MergeCommand.class;
      case "edit" -> EditCommand.class;
      case "export" -> ExportCommand.class;
      case "import" -> ImportCommand.class;
      case "migrate" -> MigrateCommand.class;
      case "locks" -> LocksCommand.class;
      case "unlock" -> UnlockCommand.class;
      case "sql" -> SqlCommand.class;
      case "serve" -> ServeCommand.class;
      case "info" -> InfoCommand.class;
      default -> null;
    };
  }

  /**
   * The verb a command line calls, when the model of that verb alone is enough to run it.
   *
   * @return the verb's name, or null when the command line needs every verb: no verb, {@code help},
   *     an unknown verb (the command reports it), an option of the command itself before the verb
   *     other than {@code --verbose} ({@code --help}, {@code --version}, a mistyped one), or an
   *     {@code @file} of arguments
   */
  static String called(String[] args) {
    for (String arg : args) {
      if (arg.equals("--verbose")) {
        continue;
      }
      return of(arg) == null ? null : arg;
    }
    return null;
  }
}
