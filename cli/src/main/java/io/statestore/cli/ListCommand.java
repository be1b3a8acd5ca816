package io.statestore.cli;

import io.statestore.migrate.StatePattern;
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

  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "text",
      description =
          "text (ids, one a line; the default), json (an array of {state_id, updated_at}) or csv"
              + " (state_id,updated_at with a header).")
  OutputFormat format;

  @Override
  int run() throws Exception {
    StatePattern p = StatePattern.of(pattern);
    RowPrinter rows = new RowPrinter(io().out(), format, "state_id", "updated_at");
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
          Timestamp t = rs.getTimestamp(2);
          String updated = t == null ? null : t.toInstant().toString();
          rows.row(longFormat ? id + "\t" + (updated == null ? "-" : updated) : id, id, updated);
        }
      }
    }
    rows.finish();
    return ExitCodes.OK;
  }
}
