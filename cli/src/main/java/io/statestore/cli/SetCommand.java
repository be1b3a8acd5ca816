package io.statestore.cli;

import io.statestore.core.StateRecord;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code statestore set <id> --input-file f}: creates or replaces one state from a file or stdin,
 * under its lock.
 */
@Command(
    name = "set",
    mixinStandardHelpOptions = true,
    description = {
      "Create or replace one state with the JSON document given on the command line or in a file"
          + " ('-' reads stdin): the stored form {\"completed\": ..., \"partial\": ...}, or"
          + " Meltano's form {\"singer_state\": ...} as 'meltano state set' takes it (stored as the"
          + " completed state, with an empty partial state).",
      "Asks for confirmation on a terminal unless --force. A state in the store that is newer than"
          + " the file (its updated_at after the file's modification time) is not replaced unless"
          + " --force.",
      "When a remote write fails after its retries, statestore saves the body to a local fallback"
          + " file and names it in the error; push it later with"
          + " 'statestore set <state_id> --input-file <that file>'."
    })
final class SetCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Parameters(index = "0", paramLabel = "<state_id>", description = "The state id.")
  String stateId;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "<state>",
      description = "The state document (JSON), instead of --input-file.")
  String state;

  @Option(
      names = {"-i", "--input-file"},
      paramLabel = "<file>",
      description = "The state document (JSON); '-' reads standard input.")
  String inputFile;

  @Option(
      names = "--force",
      description = "Do not ask, and replace even a state newer than the file.")
  boolean force;

  @Override
  int run() throws Exception {
    if ((state == null) == (inputFile == null)) {
      throw new UserException("Must provide exactly one of: --input-file, STATE");
    }
    boolean stdin = "-".equals(inputFile);
    if (stdin && io().terminal() && !force) {
      throw new UserException("Reading the state from a terminal needs --force (no prompt then)");
    }
    Instant fileTime = null;
    String body;
    try {
      if (state != null) {
        body = state;
      } else if (stdin) {
        body = new String(io().in().readAllBytes(), StandardCharsets.UTF_8);
      } else {
        Path file = Path.of(inputFile);
        body = Files.readString(file, StandardCharsets.UTF_8);
        fileTime = Files.getLastModifiedTime(file).toInstant();
      }
    } catch (NoSuchFileException e) {
      throw new UserException("No such input file: " + inputFile, e);
    } catch (IOException e) {
      throw new UserException("Cannot read input file " + inputFile + ": " + e.getMessage(), e);
    }
    try (StateAccess states = StateAccess.open(store, io().err())) {
      Optional<StateRecord> stored = states.read(stateId, false);
      String current = stored.map(StateRecord::bodyText).orElse(null);
      Instant updatedAt = stored.map(r -> StateAccess.shown(r.updatedAt())).orElse(null);
      if (current != null
          && !force
          && fileTime != null
          && updatedAt != null
          && updatedAt.isAfter(fileTime)) {
        throw new UserException(
            "The state of state_id '"
                + stateId
                + "' was updated at "
                + updatedAt
                + ", after "
                + inputFile
                + " was written ("
                + fileTime
                + "); not replacing a newer state, use --force to replace it");
      }
      String verb = current == null ? "Create" : "Replace";
      if (!force && !io().confirm(verb + " the state of state_id '" + stateId + "'?")) {
        throw new UserException("Not confirmed; nothing written");
      }
      states.write(stateId, current, body);
      io().out()
          .println((current == null ? "Created" : "Replaced") + " state_id '" + stateId + "'");
    }
    return ExitCodes.OK;
  }
}
