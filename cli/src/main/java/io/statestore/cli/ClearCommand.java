package io.statestore.cli;

import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore clear <id>} and {@code clear --all}: deletes states under their locks. */
@Command(
    name = "clear",
    mixinStandardHelpOptions = true,
    description = {
      "Delete one state, or with --all every state of the store, each under its lock.",
      "Asks for confirmation on a terminal unless --force. A state_id that does not exist is an"
          + " error. With --all, a state that cannot be deleted is listed on stderr, the others are"
          + " deleted, and the exit status is 2."
    })
final class ClearCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", arity = "0..1", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  @Option(names = "--all", description = "Clear every state of the store.")
  boolean all;

  @Mixin Confirmation confirmation;

  @Override
  int run() throws Exception {
    if ((stateId != null) == all) {
      throw new UserException("A state ID or the --all flag must be provided, but not both");
    }
    String question =
        all
            ? "This will clear every state of the store. Continue?"
            : "Delete the state of state_id '" + stateId + "'?";
    confirmation.require(io(), question, "Not confirmed; nothing deleted");
    try (StateAccess states = StateAccess.open(store, io().err())) {
      if (all) {
        return clearAll(states);
      }
      if (!states.clear(stateId)) {
        throw new UserException("No state with state_id '" + stateId + "'", "42704", null);
      }
    }
    io().out().println("Cleared state_id '" + stateId + "'");
    return ExitCodes.OK;
  }

  private int clearAll(StateAccess states) throws SQLException {
    int cleared = 0;
    int failed = 0;
    for (String id : states.ids()) {
      try {
        cleared += states.clear(id) ? 1 : 0;
      } catch (SQLException e) {
        failed++;
        io().err().println("failed " + id + ": " + StatestoreCommand.describe(e));
      }
    }
    io().out().println(cleared + " state(s) were successfully cleared");
    if (failed > 0) {
      io().err().println("statestore: " + failed + " state(s) could not be cleared");
      return ExitCodes.PARTIAL;
    }
    return ExitCodes.OK;
  }
}
