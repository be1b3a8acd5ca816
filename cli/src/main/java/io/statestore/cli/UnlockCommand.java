package io.statestore.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
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

  @Option(names = "--force", description = "Do not ask for confirmation.")
  boolean force;

  @Override
  int run() throws Exception {
    if (!force && !io().confirm("Remove the lock of state_id '" + stateId + "'?")) {
      throw new UserException("Not confirmed; lock left in place");
    }
    try (Connection c = store.connect();
        PreparedStatement s = c.prepareStatement("DELETE FROM locks WHERE state_id = ?")) {
      s.setString(1, stateId);
      if (s.executeUpdate() == 0) {
        throw new UserException("State_id '" + stateId + "' is not locked");
      }
    }
    io().out().println("Unlocked state_id '" + stateId + "'");
    return ExitCodes.OK;
  }
}
