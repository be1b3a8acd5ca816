package io.statestore.cli;

import io.statestore.migrate.CopyMode;
import io.statestore.migrate.CopyOptions;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/** The options of a copy between two stores ({@code migrate}, and {@code copy} of two URIs). */
final class MigrateOptions {
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

  /** Whether any of these options was given (so the command is a copy between stores). */
  boolean anyGiven() {
    return pattern != null
        || mode != null
        || dryRun
        || batchSize != CopyOptions.DEFAULT_BATCH_SIZE
        || !sourceProperties.isEmpty()
        || !targetProperties.isEmpty();
  }

  /** The copier's options, checked. */
  CopyOptions toCopyOptions(boolean force) {
    if (batchSize < 1) {
      throw new UserException("--batch-size must be at least 1");
    }
    boolean overwrite = mode != null && mode.overwrite;
    if (force && !overwrite) {
      throw new UserException("--force only applies with --overwrite");
    }
    return new CopyOptions(
        pattern, overwrite ? CopyMode.OVERWRITE : CopyMode.SKIP_EXISTING, dryRun, force, batchSize);
  }
}
