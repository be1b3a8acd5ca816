package io.statestore.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
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
    try (Connection c = store.connect()) {
      if (all) {
        return clearAll(c);
      }
      if (!deleteRow(c, "state", stateId)) {
        throw new UserException("No state with state_id '" + stateId + "'", "42704", null);
      }
    }
    io().out().println("Cleared state_id '" + stateId + "'");
    return ExitCodes.OK;
  }

  /** Deletes the row of one state id from {@code table}; whether there was one. */
  static boolean deleteRow(Connection c, String table, String stateId) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("DELETE FROM " + table + " WHERE state_id = ?")) {
      s.setString(1, stateId);
      return s.executeUpdate() > 0;
    }
  }

  private int clearAll(Connection c) throws SQLException {
    List<String> ids = new ArrayList<>();
    try (PreparedStatement s = c.prepareStatement("SELECT state_id FROM state ORDER BY state_id");
        ResultSet rs = s.executeQuery()) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    int cleared = 0;
    int failed = 0;
    try (PreparedStatement s = c.prepareStatement("DELETE FROM state WHERE state_id = ?")) {
      for (String id : ids) {
        s.setString(1, id);
        try {
          cleared += s.executeUpdate();
        } catch (SQLException e) {
          failed++;
          io().err().println("failed " + id + ": " + StatestoreCommand.describe(e));
        }
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
