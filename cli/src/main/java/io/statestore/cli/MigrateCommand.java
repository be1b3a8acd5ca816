package io.statestore.cli;

import io.statestore.cli.copy.CopyMode;
import io.statestore.cli.copy.CopyOptions;
import io.statestore.cli.copy.CopyResult;
import io.statestore.cli.copy.StateCopier;
import io.statestore.cli.copy.StatePattern;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore copy <src> <dst>}: copies states between two stores. */
@Command(
    name = "copy",
    mixinStandardHelpOptions = true,
    description = {
      "Copy states from one store to another, state by state, each under its lock.",
      "States the target holds with the same body are skipped, so running a copy again resumes it."
          + " States the target holds with another body are skipped and listed (--skip-existing,"
          + " the default) or replaced (--overwrite); a target state whose updated_at is newer than"
          + " the source's is never replaced unless --force. A state that fails is listed with its"
          + " SQLState, nothing of it written, and the copy goes on.",
      "Exit status 2 when some state failed or was refused."
    })
final class CopyCommand extends VerbBase {
  @Parameters(index = "0", paramLabel = "<src-uri>", description = "The store to copy from.")
  String source;

  @Parameters(index = "1", paramLabel = "<dst-uri>", description = "The store to copy to.")
  String target;

  @Option(
      names = "--pattern",
      paramLabel = "<glob>",
      description = "Only ids matching this pattern: * any run, ? one character, [abc] a class.")
  String pattern;

  @ArgGroup(exclusive = true)
  ModeGroup mode;

  /** --overwrite and --skip-existing exclude each other. */
  static final class ModeGroup {
    @Option(names = "--overwrite", description = "Replace target states with another body.")
    boolean overwrite;

    @Option(
        names = "--skip-existing",
        description = "Leave and list target states with another body (the default).")
    boolean skipExisting;
  }

  @Option(names = "--dry-run", description = "Decide and list everything, write nothing.")
  boolean dryRun;

  @Option(
      names = "--force",
      description = "With --overwrite, also replace target states newer than the source.")
  boolean force;

  @Option(
      names = "--batch-size",
      paramLabel = "<n>",
      defaultValue = "" + CopyOptions.DEFAULT_BATCH_SIZE,
      description = "States read, compared and written together (default: ${DEFAULT-VALUE}).")
  int batchSize;

  @Option(
      names = "--src-property",
      paramLabel = "<key=value>",
      description = "A setting of the source store (repeatable).")
  Map<String, String> sourceProperties = new LinkedHashMap<>();

  @Option(
      names = "--dst-property",
      paramLabel = "<key=value>",
      description = "A setting of the target store (repeatable).")
  Map<String, String> targetProperties = new LinkedHashMap<>();

  @Override
  int run() throws Exception {
    if (batchSize < 1) {
      throw new UserException("--batch-size must be at least 1");
    }
    boolean overwrite = mode != null && mode.overwrite;
    if (force && !overwrite) {
      throw new UserException("--force only applies with --overwrite");
    }
    CopyOptions options =
        new CopyOptions(
            pattern,
            overwrite ? CopyMode.OVERWRITE : CopyMode.SKIP_EXISTING,
            dryRun,
            force,
            batchSize);
    try (Connection src = StoreArgs.connect(source, sourceProperties);
        Connection dst = StoreArgs.connect(target, targetProperties)) {
      long total = io().terminal() ? count(src, pattern) : -1;
      CopyProgress progress = new CopyProgress(io(), dryRun, total);
      CopyResult result = new StateCopier(src, dst).copy(options, progress);
      progress.finish();
      io().out().println(result.summary());
      return result.partial() ? ExitCodes.PARTIAL : ExitCodes.OK;
    }
  }

  /** How many states the pattern's LIKE form lists (for the progress bar's scale). */
  private static long count(Connection c, String pattern) throws SQLException {
    StatePattern p = StatePattern.of(pattern);
    try (PreparedStatement s =
        c.prepareStatement(
            "SELECT COUNT(*) FROM state WHERE state_id LIKE ? ESCAPE '"
                + StatePattern.ESCAPE
                + "'")) {
      s.setString(1, p.like());
      try (ResultSet rs = s.executeQuery()) {
        return rs.next() ? rs.getLong(1) : -1;
      }
    }
  }
}
