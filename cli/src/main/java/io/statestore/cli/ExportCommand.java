package io.statestore.cli;

import io.statestore.core.ReadWarnings;
import io.statestore.core.WarningScope;
import io.statestore.jdbc.DriverStores;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code statestore export}: every state on stdout, in {@code meltano state export}'s format. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Print every state of the store on stdout as one JSON object, in the format of 'meltano"
          + " state export': {\"<state_id>\":{\"completed\":...,\"partial\":...},...} on one line,"
          + " in state_id order. 'statestore import' and 'meltano state import' read it.",
      "A state that is not a valid state document is left out, listed on stderr, and the exit"
          + " status is 2."
    })
final class ExportCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Override
  int run() throws Exception {
    PrintWriter out = io().out();
    int failed = 0;
    try (StateAccess states = StateAccess.open(store, io().err())) {
      ReadWarnings warnings = new ReadWarnings();
      boolean first = true;
      out.print('{');
      for (String id : states.ids()) {
        String body;
        try (WarningScope scope = warnings.enter()) {
          body = states.read(id, false).map(r -> r.bodyText()).orElse(null);
        }
        if (body == null) {
          continue; // deleted since it was listed
        }
        Map<String, Object> doc;
        try {
          doc = StateJson.parseObject(body, "The stored state of state_id '" + id + "'");
        } catch (UserException e) {
          failed++;
          io().err().println("failed " + id + ": " + StatestoreCommand.describe(e));
          continue;
        }
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put(StateJson.COMPLETED, doc.getOrDefault(StateJson.COMPLETED, Map.of()));
        entry.put(StateJson.PARTIAL, doc.getOrDefault(StateJson.PARTIAL, Map.of()));
        out.print((first ? "" : ",") + StateJson.compact(id) + ":" + StateJson.compact(entry));
        first = false;
      }
      out.println('}');
      states.printWarnings(DriverStores.warnings(warnings.messages()));
    }
    if (failed > 0) {
      io().err().println("statestore: " + failed + " state(s) could not be exported");
      return ExitCodes.PARTIAL;
    }
    return ExitCodes.OK;
  }
}
