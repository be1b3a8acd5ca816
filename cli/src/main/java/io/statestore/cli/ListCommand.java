package io.statestore.cli;

import java.time.Instant;
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
    try (StateAccess states = StateAccess.open(store, io().err())) {
      states.forEachState(
          pattern.compiled(),
          s -> {
            String id = s.stateId();
            Instant t = StateAccess.shown(s.lastModified());
            String updated = t == null ? null : t.toString();
            rows.row(longFormat ? id + "\t" + (updated == null ? "-" : updated) : id, id, updated);
          });
    }
    rows.finish();
    return ExitCodes.OK;
  }
}
