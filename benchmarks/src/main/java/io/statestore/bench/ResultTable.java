package io.statestore.bench;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;

/** Prints results as a Markdown table, ready to paste into BENCHMARKS.md. */
public final class ResultTable {
  private ResultTable() {}

  /** Writes the table. */
  public static void print(List<Result> results, PrintWriter out) {
    out.println(
        "| scenario | subject | median (min) | baseline | median (min) | ratio | goal | met |");
    out.println("|---|---|---|---|---|---|---|---|");
    for (Result r : results) {
      String ratio =
          String.format(Locale.ROOT, "%.2f× (%s)", r.ratio(), r.ratioName())
              + (r.note().isEmpty() ? "" : "; " + r.note());
      out.println(
          "| "
              + r.scenario()
              + " | "
              + r.subject()
              + " | "
              + times(r.subjectStats())
              + " | "
              + r.baseline()
              + " | "
              + times(r.baselineStats())
              + " | "
              + ratio
              + " | "
              + (r.goal() == null ? "–" : r.goal())
              + " | "
              + (r.met() == null ? "–" : r.met() ? "yes" : "**no**")
              + " |");
    }
    out.flush();
  }

  private static String times(Stats s) {
    return s.medianText() + " (" + s.minText() + ")";
  }
}
