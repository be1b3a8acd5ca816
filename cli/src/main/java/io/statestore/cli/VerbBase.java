package io.statestore.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/** What every verb shares: the root command and its streams. */
abstract class VerbBase implements Callable<Integer> {
  @ParentCommand StatestoreCommand root;

  CliIo io() {
    return root.io();
  }

  @Override
  public final Integer call() throws Exception {
    return run();
  }

  /** Runs the verb; returns the exit status. */
  abstract int run() throws Exception;
}
