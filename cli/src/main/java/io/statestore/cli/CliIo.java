package io.statestore.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The command's standard streams, injectable for tests: stdin, stdout, stderr and whether a user
 * sits at a terminal (confirmation prompts and the progress bar only then).
 */
public final class CliIo {
  private final InputStream in;
  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private BufferedReader lines;

  /**
   * The streams of one run.
   *
   * @param in standard input
   * @param out standard output
   * @param err standard error
   * @param terminal whether stdin and stdout are a user's terminal
   */
  public CliIo(InputStream in, PrintWriter out, PrintWriter err, boolean terminal) {
    this.in = in;
    this.out = out;
    this.err = err;
    this.terminal = terminal;
  }

  /** The process's own streams; a terminal when the JVM has a console. */
  public static CliIo system() {
    return new CliIo(
        System.in,
        new PrintWriter(System.out, true, StandardCharsets.UTF_8),
        new PrintWriter(System.err, true, StandardCharsets.UTF_8),
        System.console() != null);
  }

  /** Standard input as bytes. */
  public InputStream in() {
    return in;
  }

  /** Standard output. */
  public PrintWriter out() {
    return out;
  }

  /** Standard error. */
  public PrintWriter err() {
    return err;
  }

  /** Whether a user sits at a terminal. */
  public boolean terminal() {
    return terminal;
  }

  /**
   * Asks a yes/no question on a terminal; off a terminal nothing is asked and the answer is yes.
   *
   * @return whether the user answered y or yes
   */
  public boolean confirm(String question) {
    if (!terminal) {
      return true;
    }
    out.print(question + " [y/N] ");
    out.flush();
    try {
      if (lines == null) {
        lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      }
      String answer = lines.readLine();
      return answer != null
          && (answer.trim().equalsIgnoreCase("y") || answer.trim().equalsIgnoreCase("yes"));
    } catch (IOException e) {
      return false;
    }
  }
}
