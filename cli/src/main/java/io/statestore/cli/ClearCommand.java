package io.statestore.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore clear <id>}: deletes one state under its lock. */
@Command(
    name = "clear",
    mixinStandardHelpOptions = true,
    description = {
      "Delete one state, under its lock.",
      "Asks for confirmation on a terminal unless --force."
    })
final class ClearCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  @Option(names = "--force", description = "Do not ask for confirmation.")
  boolean force;

  @Override
  int run() throws Exception {
    if (!force && !io().confirm("Delete the state of state_id '" + stateId + "'?")) {
      throw new UserException("Not confirmed; nothing deleted");
    }
    try (Connection c = store.connect();
        PreparedStatement s = c.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
      s.setString(1, stateId);
      if (s.executeUpdate() == 0) {
        throw new UserException("No state with state_id '" + stateId + "'");
      }
    }
    io().out().println("Cleared state_id '" + stateId + "'");
    return ExitCodes.OK;
  }
}
