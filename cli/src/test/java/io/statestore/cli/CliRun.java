package io.statestore.cli;

/**
 * One run of the real command entry point with captured streams.
 *
 * @param status the exit status
 * @param out what it printed on stdout
 * @param err what it printed on stderr
 */
public record CliRun(int status, String out, String err) {

  /** Runs the command with empty stdin, off a terminal. */
  public static CliRun run(String... args) {
    return run("", false, args);
  }

  /** Runs the command with the given stdin, on a terminal or not. */
  public static CliRun run(String stdin, boolean terminal, String... args) {
    CapturedIo io = new CapturedIo(stdin, terminal);
    int status = StatestoreCommand.run(args, io.io());
    return new CliRun(status, io.out(), io.err());
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
