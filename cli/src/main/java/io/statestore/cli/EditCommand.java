package io.statestore.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code statestore edit <id>}: edits a state in {@code $EDITOR}, as {@code meltano state edit}.
 */
@Command(
    name = "edit",
    mixinStandardHelpOptions = true,
    description = {
      "Edit a state in your editor ($VISUAL, else $EDITOR, else vi), as 'meltano state edit' does:"
          + " the state a run would start from ({\"singer_state\": ...}, partial merged onto"
          + " completed) is opened indented; when you save a change, it becomes the completed state"
          + " (partial emptied), written under the state's lock and only if nobody changed the"
          + " state meanwhile. Saving it unchanged or empty writes nothing ('no changes').",
      "Asks for confirmation on a terminal unless --force."
    })
final class EditCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  @Option(
      names = "--editor",
      paramLabel = "<command>",
      description = "The editor command (run by sh with the file as its last argument).")
  String editor;

  @Mixin Confirmation confirmation;

  @Override
  int run() throws Exception {
    confirmation.require(
        io(),
        "This will overwrite the state's current value. Continue?",
        "Not confirmed; nothing written");
    try (StateAccess states = StateAccess.open(store, io().err())) {
      String current = states.body(stateId).orElse(null);
      Map<String, Object> initial =
          current == null ? new LinkedHashMap<>() : StateAccess.merged(stateId, current);
      if (current == null) {
        io().err().println("No state found for " + stateId + ". Creating new state.");
      }
      Path file = Files.createTempFile("statestore-edit-", ".json", ownerOnly());
      boolean keep = false;
      try {
        Files.writeString(file, StateJson.pretty(initial), StandardCharsets.UTF_8);
        runEditor(file);
        String edited = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (edited.isEmpty()) {
          io().out().println("Empty content provided - no changes made");
          return ExitCodes.OK;
        }
        Map<String, Object> state = StateJson.parseObject(edited, "The edited state");
        if (state.equals(initial)) {
          io().out().println("No changes detected");
          return ExitCodes.OK;
        }
        StateAccess.requireSingerState(state, "The edited state");
        keep = true;
        states.write(stateId, current, StateJson.document(state, new LinkedHashMap<>()));
        keep = false;
      } catch (UserException e) {
        if (keep) {
          throw new UserException(e.getMessage() + "; your edit is kept in " + file, e);
        }
        throw e;
      } finally {
        if (!keep) {
          Files.deleteIfExists(file);
        }
      }
    }
    io().out().println("State for " + stateId + " was successfully updated");
    return ExitCodes.OK;
  }

  private void runEditor(Path file) throws IOException, InterruptedException {
    String command = editor;
    if (command == null || command.isBlank()) {
      command = System.getenv("VISUAL");
    }
    if (command == null || command.isBlank()) {
      command = System.getenv("EDITOR");
    }
    if (command == null || command.isBlank()) {
      command = "vi";
    }
    Process p =
        new ProcessBuilder("sh", "-c", command + " \"$1\"", "statestore-edit", file.toString())
            .inheritIO()
            .start();
    int status = p.waitFor();
    if (status != 0) {
      throw new UserException("The editor exited with status " + status + "; nothing written");
    }
  }

  private static java.nio.file.attribute.FileAttribute<?>[] ownerOnly() {
    if (!FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      return new java.nio.file.attribute.FileAttribute<?>[0];
    }
    return new java.nio.file.attribute.FileAttribute<?>[] {
      PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))
    };
  }
}
