package io.statestore.cli;

import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * {@code statestore copy <src> <dst>}: as {@code meltano state copy}, copies the state of one id to
 * another id of the same store; given two store URIs, copies between stores as {@code migrate}.
 */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the state of <src> to <dst> in one store, as 'meltano state copy' does: the state"
          + " <src> would start a run from (partial merged onto completed) becomes the completed"
          + " state of <dst>, replacing it. <src> must exist and hold a 'singer_state'.",
      "Given two store URIs instead of two ids (a URI holding '/', or any of the options below"
          + " that only apply between stores), it copies states between the two stores exactly as"
          + " 'statestore migrate' does; see 'statestore migrate --help'. URIs such as:",
      "  file:///dir   s3://bucket/prefix   systemdb:jdbc:sqlite:/p/meltano.db",
      "Asks for confirmation on a terminal unless --force."
    })
final class CopyCommand extends VerbBase {
  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "<src>", description = "The state id (or store) to copy.")
  String source;

  @Parameters(index = "1", paramLabel = "<dst>", description = "The state id (or store) to set.")
  String target;

  @Mixin StoreArgs store;

  @Mixin MigrateOptions between;

  @Option(
      names = "--force",
      description =
          "Between ids: do not ask. Between stores: with --overwrite, also replace target states"
              + " newer than the source.")
  boolean force;

  @Override
  int run() throws Exception {
    ParseResult parsed = spec.commandLine().getParseResult();
    boolean storeGiven =
        parsed.hasMatchedOption("--store") || parsed.hasMatchedOption("--property");
    boolean looksLikeUris = source.contains("/") || target.contains("/");
    if (!storeGiven && (looksLikeUris || between.anyGiven())) {
      return MigrateCommand.migrate(io(), source, target, between, force, root.verbose());
    }
    if (between.anyGiven()) {
      throw new UserException(
          "--store/--property copy between two state ids of one store; the options --pattern,"
              + " --overwrite, --skip-existing, --dry-run, --batch-size, --src-property and"
              + " --dst-property only apply between two stores (statestore migrate)");
    }
    return copy(io(), store, source, target, force, false);
  }

  /** Copies (or moves) the merged state of one id to another id of one store. */
  static int copy(
      CliIo io, StoreArgs store, String source, String target, boolean force, boolean move)
      throws Exception {
    if (source.equals(target)) {
      throw new UserException("The source and the target are the same state_id '" + source + "'");
    }
    String question =
        move
            ? "This will clear the state of '"
                + source
                + "' and overwrite the state of '"
                + target
                + "'. Continue?"
            : "This will overwrite the state of '" + target + "'. Continue?";
    if (!force && !io.confirm(question)) {
      throw new UserException("Not confirmed; nothing written");
    }
    try (StateAccess states = StateAccess.open(store, io.err())) {
      String body = states.body(source).orElse(null);
      if (body == null) {
        throw new UserException(
            "No state with state_id '"
                + source
                + "'"
                + (source.contains(":") && target.contains(":")
                    ? " (to copy between two stores, use statestore migrate <src-uri> <dst-uri>)"
                    : ""));
      }
      Map<String, Object> merged =
          StateAccess.requireSingerState(
              StateAccess.merged(source, body), "The state of state_id '" + source + "'");
      states.setCompleted(target, merged);
      if (move) {
        states.delete(source, body);
        io.out().println("Moved the state of '" + source + "' to '" + target + "'");
      } else {
        io.out().println("Copied the state of '" + source + "' to '" + target + "'");
      }
    }
    return ExitCodes.OK;
  }
}
