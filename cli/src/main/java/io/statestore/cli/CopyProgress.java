package io.statestore.cli;

import io.statestore.migrate.CopyFailure;
import io.statestore.migrate.CopyListener;
import io.statestore.migrate.SkipReason;
import java.io.PrintWriter;

/**
 * Shows a copy's progress: a redrawn progress bar on a terminal, plain log lines otherwise. States
 * left alone for a reason other than an identical body, and failed states, get a line each; so does
 * every state of a dry run, and with {@code --verbose} every state with what was done to it.
 */
final class CopyProgress implements CopyListener {
  private static final int WIDTH = 30;
  private static final long LOG_EVERY = 10_000;

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean terminal;
  private final boolean dryRun;
  private final boolean verbose;
  private final long total;
  private boolean barShown;
  private long lastLogged;

  CopyProgress(CliIo io, boolean dryRun, boolean verbose, long total) {
    this.out = io.out();
    this.err = io.err();
    this.terminal = io.terminal();
    this.dryRun = dryRun;
    this.verbose = verbose;
    this.total = total;
  }

  @Override
  public void copied(String stateId, boolean replaced) {
    if (dryRun) {
      line(out, (replaced ? "would replace " : "would copy ") + stateId);
    } else if (verbose) {
      line(out, (replaced ? "replaced " : "copied ") + stateId);
    }
  }

  @Override
  public void skipped(String stateId, SkipReason reason) {
    if (reason != SkipReason.UNCHANGED) {
      line(out, "skipped " + stateId + ": " + reason.description());
    } else if (verbose) {
      line(out, "unchanged " + stateId);
    }
  }

  @Override
  public void failed(CopyFailure f) {
    line(
        err,
        "failed "
            + f.stateId()
            + " ["
            + f.sqlState()
            + "]: "
            + StatestoreCommand.oneLine(f.message()));
  }

  @Override
  public void progress(long processed) {
    if (terminal) {
      drawBar(processed);
    } else if (processed - lastLogged >= LOG_EVERY) {
      lastLogged = processed;
      out.println(processed + " states processed");
      out.flush();
    }
  }

  /** Ends the bar's line. */
  void finish() {
    if (barShown) {
      out.println();
      barShown = false;
    }
    out.flush();
  }

  private void drawBar(long processed) {
    StringBuilder sb = new StringBuilder("\r");
    if (total > 0) {
      long shown = Math.min(processed, total);
      int filled = (int) (WIDTH * shown / total);
      sb.append('[')
          .append("#".repeat(filled))
          .append(" ".repeat(WIDTH - filled))
          .append("] ")
          .append(100 * shown / total)
          .append("% ")
          .append(processed)
          .append('/')
          .append(total);
    } else {
      sb.append(processed).append(" states");
    }
    out.print(sb);
    out.flush();
    barShown = true;
  }

  private void line(PrintWriter w, String text) {
    if (barShown) {
      out.print("\r" + " ".repeat(WIDTH + 40) + "\r");
      out.flush();
      barShown = false;
    }
    w.println(text);
    w.flush();
  }
}
