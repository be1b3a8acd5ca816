package io.statestore.cli;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code statestore import [file]}: writes the states of a {@code meltano state export}. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Write the states of an export ('statestore export' or 'meltano state export':"
          + " {\"<state_id>\":{\"completed\":...,\"partial\":...},...}) into the store, replacing"
          + " the state of every state_id in it, each under its lock. Reads standard input when no"
          + " file (or '-') is given.",
      "The whole input is checked before anything is written. A state that fails is listed on"
          + " stderr, the others are written, and the exit status is 2."
    })
final class ImportCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(
      index = "0",
      arity = "0..1",
      defaultValue = "-",
      paramLabel = "<input-file>",
      description = "The export to read ('-', the default, reads standard input).")
  String inputFile;

  @Override
  int run() throws Exception {
    String what = "-".equals(inputFile) ? "The input" : "The input file " + inputFile;
    Map<String, Object> data = StateJson.parseObject(MergeCommand.read(io(), inputFile), what);
    Map<String, String> documents = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : data.entrySet()) {
      documents.put(e.getKey(), document(e.getKey(), e.getValue(), what));
    }
    int written = 0;
    int failed = 0;
    try (StateAccess states = StateAccess.open(store, io().err())) {
      for (Map.Entry<String, String> e : documents.entrySet()) {
        try {
          states.write(e.getKey(), states.body(e.getKey()).orElse(null), e.getValue());
          written++;
        } catch (SQLException | UserException ex) {
          failed++;
          io().err().println("failed " + e.getKey() + ": " + StatestoreCommand.describe(ex));
        }
      }
    }
    io().out().println("Successfully imported " + written + " state(s).");
    if (failed > 0) {
      io().err().println("statestore: " + failed + " state(s) could not be imported");
      return ExitCodes.PARTIAL;
    }
    return ExitCodes.OK;
  }

  /** The stored document of one entry; an entry that is not one is refused naming it. */
  private static String document(String stateId, Object entry, String what) {
    if (!(entry instanceof Map<?, ?> map)) {
      throw new UserException(
          what
              + ": the entry of state_id '"
              + stateId
              + "' must be an object {\"completed\": ..., \"partial\": ...}, not "
              + StateJson.typeName(entry));
    }
    for (Object key : map.keySet()) {
      if (!StateJson.COMPLETED.equals(key) && !StateJson.PARTIAL.equals(key)) {
        throw new UserException(
            what
                + ": the entry of state_id '"
                + stateId
                + "' has the key '"
                + key
                + "'; only 'completed' and 'partial' are allowed");
      }
    }
    return StateJson.document(
        map.containsKey(StateJson.COMPLETED) ? map.get(StateJson.COMPLETED) : Map.of(),
        map.containsKey(StateJson.PARTIAL) ? map.get(StateJson.PARTIAL) : Map.of());
  }
}
