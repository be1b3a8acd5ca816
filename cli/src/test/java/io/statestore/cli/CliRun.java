package io.statestore.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

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
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CliIo io =
        new CliIo(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            terminal);
    int status = StatestoreCommand.run(args, io);
    return new CliRun(status, out.toString(), err.toString());
  }

  @Override
  public String toString() {
    return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
  }
}
