package io.statestore.cli;

import io.statestore.cli.copy.StatePattern;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code statestore locks}: the locks held now, as the {@code locks} table shows them. */
@Command(
    name = "locks",
    mixinStandardHelpOptions = true,
    description = "List the locks held now: state_id, locked_at, expires_at (UTC).")
final class LocksCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Option(
      names = "--pattern",
      paramLabel = "<glob>",
      description = "Only ids matching this pattern: * any run, ? one character, [abc] a class.")
  String pattern;

  @Override
  int run() throws Exception {
    StatePattern p = StatePattern.of(pattern);
    PrintWriter out = io().out();
    try (Connection c = store.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT state_id, locked_at, expires_at FROM locks WHERE state_id LIKE ? ESCAPE '"
                    + StatePattern.ESCAPE
                    + "' ORDER BY state_id")) {
      s.setString(1, p.like());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (p.matches(id)) {
            out.println(
                id + "\t" + instant(rs.getTimestamp(2)) + "\t" + instant(rs.getTimestamp(3)));
          }
        }
      }
    }
    return ExitCodes.OK;
  }

  private static String instant(Timestamp t) {
    return t == null ? "-" : t.toInstant().toString();
  }
}
