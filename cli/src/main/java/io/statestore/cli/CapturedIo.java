package io.statestore.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

/** A run's standard streams in memory: stdin from a string, stdout and stderr kept as text. */
final class CapturedIo {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();
  private final CliIo io;

  /** Streams reading {@code stdin}, on a terminal or not. */
  CapturedIo(String stdin, boolean terminal) {
    this.io =
        new CliIo(
            new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
            new PrintWriter(out, true),
            new PrintWriter(err, true),
            terminal);
  }

  /** The streams to run the command with. */
  CliIo io() {
    return io;
  }

  /** What the run wrote to standard output so far. */
  String out() {
    return out.toString();
  }

  /** What the run wrote to standard error so far. */
  String err() {
    return err.toString();
  }
}
