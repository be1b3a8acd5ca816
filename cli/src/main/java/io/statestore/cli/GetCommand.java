package io.statestore.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore get <id>}: prints one state, as Meltano's {@code meltano state get} does. */
@Command(
    name = "get",
    mixinStandardHelpOptions = true,
    description = {
      "Print the state a run of this state_id would start from, as 'meltano state get' does: the"
          + " partial state merged onto the completed state ({\"singer_state\": ...}), on one line"
          + " (--format json, ready for 'statestore set'), indented (--format pretty or text) or as"
          + " CSV with a header (--format csv: state_id,state).",
      "--raw prints the stored document {\"completed\": ..., \"partial\": ...} exactly as the store"
          + " holds it, also when it is damaged (not valid JSON).",
      "A state that does not exist is an error (Meltano prints {} for it)."
    })
final class GetCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  /** Output formats of the merged state. */
  enum Format {
    json,
    pretty,
    text,
    csv
  }

  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "json",
      description =
          "json (one line, the default), pretty or text (indented by 2), csv (state_id,state).")
  Format format;

  @Option(
      names = "--raw",
      description = "Print the stored document as stored instead of the merged state.")
  boolean raw;

  @Override
  int run() throws Exception {
    try (StateAccess states = StateAccess.open(store, io().err())) {
      String body = states.existingBody(stateId);
      if (raw) {
        io().out().println(body);
        return ExitCodes.OK;
      }
      Object merged = StateAccess.merged(stateId, body);
      switch (format) {
        case pretty, text -> io().out().println(StateJson.pretty(merged));
        case csv -> {
          RowPrinter rows = new RowPrinter(io().out(), OutputFormat.csv, "state_id", "state");
          rows.row(null, stateId, StateJson.compact(merged));
          rows.finish();
        }
        default -> io().out().println(StateJson.compact(merged));
      }
    }
    return ExitCodes.OK;
  }
}
