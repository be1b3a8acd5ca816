package io.statestore.cli;

import java.sql.Connection;
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

  @Mixin IdPattern pattern;

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
    RowPrinter rows = new RowPrinter(io().out(), format, "state_id", "updated_at");
    try (Connection c = store.connect()) {
      pattern.forEachRow(
          c,
          "state",
          "state_id, updated_at",
          false,
          (id, rs) -> {
            Timestamp t = rs.getTimestamp(2);
            String updated = t == null ? null : t.toInstant().toString();
            rows.row(longFormat ? id + "\t" + (updated == null ? "-" : updated) : id, id, updated);
          });
    }
    rows.finish();
    return ExitCodes.OK;
  }
}
