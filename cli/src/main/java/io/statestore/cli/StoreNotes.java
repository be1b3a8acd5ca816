package io.statestore.cli;

import io.statestore.core.DefaultStoreHome;
import java.nio.file.Path;
import java.util.Set;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;

/**
 * What the command says on stderr about the store before a verb runs: with {@code --verbose}, the
 * store in use; on the default store, once, that an earlier version's {@code ./.statestore/} is
 * left in the working directory and how to move it.
 */
final class StoreNotes {
  /** Verbs that only read: on a default store that does not exist, they find nothing. */
  private static final Set<String> READS_ONLY = Set.of("list", "get", "export", "locks");

  private StoreNotes() {}

  /** Prints the notes for the verb about to run. */
  static void before(ParseResult parsed, CliIo io) {
    ParseResult verb = parsed;
    while (verb.hasSubcommand()) {
      verb = verb.subcommand();
    }
    if (verb.isUsageHelpRequested() || verb.isVersionHelpRequested()) {
      return;
    }
    CommandSpec spec = verb.commandSpec();
    CommandSpec mixin = spec.mixins().get("store");
    if (mixin == null || !(mixin.userObject() instanceof StoreArgs args)) {
      return;
    }
    // By the verb's name: a class named here is loaded, and a run loads only its own verb.
    String name = spec.name();
    if (name.equals("copy")) {
      return; // copy between stores names its own stores (--verbose lists each state)
    }
    String uri = args.uri;
    if (name.equals("sql")) {
      String sqlUri = ((SqlCommand) spec.userObject()).uri;
      if (sqlUri != null && !sqlUri.startsWith("-")) {
        uri = sqlUri;
      }
    }
    StatestoreCommand root = parsed.commandSpec().commandLine().getCommand();
    if (!root.verbose() && !StoreArgs.storeUri(uri).isBlank()) {
      return; // nothing to say: describing the store would only cost time
    }
    StoreInfo info;
    try {
      info = StoreInfo.of(uri);
    } catch (RuntimeException e) {
      return; // a malformed URI: the verb reports it
    }
    if (root.verbose()) {
      io.err().println("statestore: store " + info.summary() + ", backend " + info.backend());
    }
    if (StoreArgs.storeUri(uri).isBlank()) {
      Path home = Path.of(info.location());
      if (info.exists() == Boolean.FALSE && READS_ONLY.contains(name)) {
        io.err()
            .println(
                "statestore: the default store "
                    + home
                    + " does not exist yet: it holds no state until the first write (set, import,"
                    + " migrate) creates it; -s <uri> opens another store");
      }
      DefaultStoreHome.legacy(home)
          .ifPresent(
              old ->
                  io.err()
                      .println(
                          "statestore: warning: " + DefaultStoreHome.legacyWarning(old, home)));
    }
    io.err().flush();
  }
}
