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

/** {@code statestore list}: the state ids of a store, optionally matching a pattern. */
@Command(
    name = "list",
    mixinStandardHelpOptions = true,
    description = "List state ids, in id order.")
final class ListCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Option(
      names = "--pattern",
      paramLabel = "<glob>",
      description = "Only ids matching this pattern: * any run, ? one character, [abc] a class.")
  String pattern;

  @Option(
      names = {"-l", "--long"},
      description = "Also print each state's updated_at.")
  boolean longFormat;

  @Override
  int run() throws Exception {
    StatePattern p = StatePattern.of(pattern);
    PrintWriter out = io().out();
    try (Connection c = store.connect();
        PreparedStatement s =
            c.prepareStatement(
                "SELECT state_id, updated_at FROM state WHERE state_id LIKE ? ESCAPE '"
                    + StatePattern.ESCAPE
                    + "'")) {
      s.setString(1, p.like());
      try (ResultSet rs = s.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (!p.matches(id)) {
            continue;
          }
          if (longFormat) {
            Timestamp t = rs.getTimestamp(2);
            out.println(id + "\t" + (t == null ? "-" : t.toInstant().toString()));
          } else {
            out.println(id);
          }
        }
      }
    }
    return ExitCodes.OK;
  }
}
