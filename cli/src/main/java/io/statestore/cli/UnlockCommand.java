package io.statestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code statestore unlock <id>}: removes a lock whoever holds it. */
@Command(
    name = "unlock",
    mixinStandardHelpOptions = true,
    description = {
      "Remove the lock of one state whoever holds it (like terraform force-unlock).",
      "Only when you know its writer is gone. Asks for confirmation on a terminal unless --force."
    })
final class UnlockCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  @Mixin Confirmation confirmation;

  @Override
  int run() throws Exception {
    confirmation.require(
        io(),
        "Remove the lock of state_id '" + stateId + "'?",
        "Not confirmed; lock left in place");
    try (StateAccess states = StateAccess.open(store, io().err())) {
      if (!states.unlock(stateId)) {
        throw new UserException("State_id '" + stateId + "' is not locked");
      }
    }
    io().out().println("Unlocked state_id '" + stateId + "'");
    return ExitCodes.OK;
  }
}
