package io.statestore.jdbc.reliability;

import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The large bodies the crash tests write: each is fully determined by its writer and sequence
 * number, which it names at its start, so a stored body can be checked to be exactly one that was
 * written, never a mix or a part.
 */
public final class CrashBodies {
  private static final Pattern HEADER =
      Pattern.compile("^\\{\"completed\": \\{\"writer\": (\\d+), \"seq\": (\\d+), ");

  private CrashBodies() {}

  /** The body of writer {@code writer}'s write number {@code seq}, 200 to 300 KB of ASCII. */
  public static String body(int writer, long seq) {
    SplittableRandom random = new SplittableRandom(writer * 1_000_003L + seq);
    int length = 200_000 + random.nextInt(100_000);
    StringBuilder sb = new StringBuilder(length + 100);
    sb.append("{\"completed\": {\"writer\": ")
        .append(writer)
        .append(", \"seq\": ")
        .append(seq)
        .append(", \"pad\": \"");
    for (int i = 0; i < length; i++) {
      sb.append((char) ('a' + random.nextInt(26)));
    }
    return sb.append("\"}, \"partial\": {}}").toString();
  }

  /**
   * Whether {@code stored} is exactly a body this class produces.
   *
   * @return a description of the problem, or null if it is one of the bodies
   */
  public static String problem(String stored) {
    if (stored == null || stored.isEmpty()) {
      return "empty body";
    }
    Matcher m = HEADER.matcher(stored);
    if (!m.find()) {
      return "no writer/seq header: "
          + stored.substring(0, Math.min(80, stored.length()))
          + " ("
          + stored.length()
          + " chars)";
    }
    String expected = body(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2)));
    return expected.equals(stored)
        ? null
        : "body of writer "
            + m.group(1)
            + " seq "
            + m.group(2)
            + " differs from what was written ("
            + stored.length()
            + " vs "
            + expected.length()
            + " chars)";
  }
}
