package io.statestore.cli;

import io.statestore.migrate.CopyOptions;
import io.statestore.migrate.CopyResult;
import io.statestore.migrate.StateCopier;
import io.statestore.migrate.StatePattern;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code statestore migrate <src> <dst>}: copies states between two stores. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = {
      "Copy states from one store to another, state by state, each under its lock"
          + " ('statestore copy <src-uri> <dst-uri>' does the same).",
      "States the target holds with the same body are skipped, so running it again resumes it."
          + " States the target holds with another body are skipped and listed (--skip-existing,"
          + " the default) or replaced (--overwrite); a target state whose updated_at is newer than"
          + " the source's is never replaced unless --force. A state that fails is listed with its"
          + " SQLState, nothing of it written, and the copy goes on. --verbose lists every state"
          + " with what was done to it (copied, replaced, unchanged, skipped).",
      "A source file store directory that does not exist is an error (exit 1), never an empty"
          + " copy; a source with no state matching warns on stderr.",
      "Exit status 2 when some state failed or was refused."
    })
final class MigrateCommand extends VerbBase {
  @Parameters(index = "0", paramLabel = "<src-uri>", description = "The store to copy from.")
  String source;

  @Parameters(index = "1", paramLabel = "<dst-uri>", description = "The store to copy to.")
  String target;

  @Mixin MigrateOptions options;

  @Option(
      names = "--force",
      description = "With --overwrite, also replace target states newer than the source.")
  boolean force;

  @Override
  int run() throws Exception {
    return migrate(io(), source, target, options, force, root.verbose());
  }

  /** Copies the states of one store to another; returns the exit status. */
  static int migrate(
      CliIo io, String source, String target, MigrateOptions o, boolean force, boolean verbose)
      throws SQLException {
    CopyOptions options = o.toCopyOptions(force);
    try (Connection src = StoreArgs.connect(source, o.sourceProperties);
        Connection dst = StoreArgs.connect(target, o.targetProperties)) {
      long total = io.terminal() ? count(src, o.pattern) : -1;
      CopyProgress progress = new CopyProgress(io, o.dryRun, verbose, total);
      CopyResult result = new StateCopier(src, dst).copy(options, progress);
      progress.finish();
      io.out().println(result.summary());
      if (result.total() == 0) {
        io.err()
            .println(
                "statestore: warning: no state in the source store"
                    + (o.pattern == null ? "" : " matches --pattern " + o.pattern)
                    + "; nothing was copied (check the source URI and the pattern)");
      }
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
