package io.statestore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore merge <id> ...}: as {@code meltano state merge}. */
@Command(
    name = "merge",
    mixinStandardHelpOptions = true,
    description = {
      "Add bookmarks to a state, as 'meltano state merge' does: the given state"
          + " ({\"singer_state\": ...}) is merged into the partial state of <state_id>, key by key"
          + " at every depth; its completed state is kept. A new state_id gets it as its partial"
          + " state.",
      "Give exactly one of: <state> on the command line, --input-file, --from-state-id (the state"
          + " that id would start a run from)."
    })
final class MergeCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id to merge into.")
  String stateId;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "<state>",
      description = "The state to merge, as JSON.")
  String state;

  @Option(
      names = {"-i", "--input-file"},
      paramLabel = "<file>",
      description = "A file holding the state to merge ('-' reads standard input).")
  String inputFile;

  @Option(
      names = "--from-state-id",
      paramLabel = "<state_id>",
      description = "Merge the state of this state id.")
  String fromStateId;

  @Override
  int run() throws Exception {
    int given =
        (state != null ? 1 : 0) + (inputFile != null ? 1 : 0) + (fromStateId != null ? 1 : 0);
    if (given != 1) {
      throw new UserException("Must provide exactly one of: --input-file, STATE, --from-state-id");
    }
    try (StateAccess states = StateAccess.open(store, io().err())) {
      Map<String, Object> add;
      if (fromStateId != null) {
        String body = states.existingBody(fromStateId);
        add =
            StateAccess.requireSingerState(
                StateAccess.merged(fromStateId, body),
                "The state of state_id '" + fromStateId + "'");
      } else {
        String text = state != null ? state : read(io(), inputFile);
        String what = state != null ? "The state given" : "The input file " + inputFile;
        add = StateAccess.requireSingerState(StateJson.parseObject(text, what), what);
      }
      states.mergePartial(stateId, add);
    }
    io().out().println("Merged into the state of '" + stateId + "'");
    return ExitCodes.OK;
  }

  /** The text of a file, or of standard input for {@code -}. */
  static String read(CliIo io, String file) {
    try {
      if ("-".equals(file)) {
        return new String(io.in().readAllBytes(), StandardCharsets.UTF_8);
      }
      return Files.readString(Path.of(file), StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new UserException("No such input file: " + file, e);
    } catch (IOException e) {
      throw new UserException("Cannot read input file " + file + ": " + e.getMessage(), e);
    }
  }
}
