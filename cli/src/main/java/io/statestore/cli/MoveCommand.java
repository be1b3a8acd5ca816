package io.statestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore move <src> <dst>}: as {@code meltano state move}. */
@Command(
    name = "move",
    mixinStandardHelpOptions = true,
    description = {
      "Move the state of <src> to <dst> in one store, as 'meltano state move' does: the state"
          + " <src> would start a run from becomes the completed state of <dst>, then <src> is"
          + " cleared (only if nobody changed it meanwhile).",
      "Asks for confirmation on a terminal unless --force."
    })
final class MoveCommand extends VerbBase {
  @Parameters(index = "0", paramLabel = "<src>", description = "The state id to move.")
  String source;

  @Parameters(index = "1", paramLabel = "<dst>", description = "The state id to set.")
  String target;

  @Mixin StoreArgs store;

  @Option(names = "--force", description = "Do not ask for confirmation.")
  boolean force;

  @Override
  int run() throws Exception {
    return CopyCommand.copy(io(), store, source, target, force, true);
  }
}
