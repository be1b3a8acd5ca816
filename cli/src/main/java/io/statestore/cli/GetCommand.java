package io.statestore.cli;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code statestore get <id>}: prints one state's body. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = "Print the body (JSON) of one state.")
final class GetCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  @Override
  int run() throws Exception {
    try (Connection c = store.connect();
        PreparedStatement s = c.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
      s.setString(1, stateId);
      try (ResultSet rs = s.executeQuery()) {
        if (!rs.next()) {
          throw new UserException("No state with state_id '" + stateId + "'");
        }
        io().out().println(rs.getString(1));
      }
    }
    return ExitCodes.OK;
  }
}
