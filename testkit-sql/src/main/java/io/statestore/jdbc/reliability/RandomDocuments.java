package io.statestore.jdbc.reliability;

import java.util.SplittableRandom;

/**
 * Random state documents for property tests, each produced twice: as sent (random spacing, key
 * order, raw non-ASCII) and as stored (Meltano's rendering: {@code {"completed": ..., "partial":
 * ...}}, separators {@code ", "} and {@code ": "}, non-ASCII and control characters as lower-case
 * {@code \}{@code uXXXX}).
 *
 * @param sent the text given to INSERT
 * @param stored the text the store must return
 */
public record RandomDocuments(String sent, String stored) {
  private static final String ALPHABET = "abcXYZ09 _-:.\"\\/\u00e9\u00df\u4e2d\u0001\n\t\u007f";

  /** A random valid document. */
  public static RandomDocuments next(SplittableRandom r) {
    StringBuilder sent = new StringBuilder();
    StringBuilder stored = new StringBuilder();
    boolean hasCompleted = r.nextInt(5) > 0;
    boolean hasPartial = r.nextBoolean();
    String[] completed = hasCompleted ? value(r, 0) : new String[] {"{}", "{}"};
    String[] partial = hasPartial ? value(r, 0) : new String[] {"{}", "{}"};
    sent.append('{').append(space(r));
    boolean partialFirst = hasCompleted && hasPartial && r.nextBoolean();
    boolean first = true;
    for (int i = 0; i < 2; i++) {
      boolean isPartial = partialFirst ? i == 0 : i == 1;
      if (isPartial ? !hasPartial : !hasCompleted) {
        continue;
      }
      if (!first) {
        sent.append(',').append(space(r));
      }
      first = false;
      sent.append(isPartial ? "\"partial\"" : "\"completed\"")
          .append(space(r))
          .append(':')
          .append(space(r))
          .append(isPartial ? partial[0] : completed[0])
          .append(space(r));
    }
    sent.append('}');
    stored
        .append("{\"completed\": ")
        .append(completed[1])
        .append(", \"partial\": ")
        .append(partial[1])
        .append('}');
    return new RandomDocuments(sent.toString(), stored.toString());
  }

  /** A random invalid body. */
  public static String invalid(SplittableRandom r) {
    String valid = next(r).sent();
    return switch (r.nextInt(6)) {
      case 0 -> valid.substring(0, r.nextInt(Math.max(1, valid.length() - 1)));
      case 1 -> valid + " x";
      case 2 -> "[" + valid + "]";
      case 3 -> "{\"completed\": {}, \"extra\": 1}";
      case 4 -> "";
      default -> valid.replaceFirst("\\{", "{\"completed\": 1, \"completed\": 2, ");
    };
  }

  private static String space(SplittableRandom r) {
    return switch (r.nextInt(6)) {
      case 0 -> " ";
      case 1 -> "\n  ";
      case 2 -> "\t";
      default -> "";
    };
  }

  /** A value as {sent, stored}. */
  private static String[] value(SplittableRandom r, int depth) {
    int pick = depth >= 3 ? r.nextInt(4) : r.nextInt(6);
    switch (pick) {
      case 0 -> {
        String s = randomString(r);
        return new String[] {sentString(s, r), storedString(s)};
      }
      case 1 -> {
        String n =
            switch (r.nextInt(4)) {
              case 0 -> String.valueOf(r.nextInt());
              case 1 -> String.valueOf(r.nextLong());
              case 2 -> r.nextInt(1000) + "." + r.nextInt(1000);
              default -> "-" + r.nextInt(10) + "e" + r.nextInt(20);
            };
        return new String[] {n, n};
      }
      case 2 -> {
        String b = r.nextBoolean() ? "true" : "false";
        return new String[] {b, b};
      }
      case 3 -> {
        return new String[] {"null", "null"};
      }
      case 4 -> {
        int n = r.nextInt(4);
        StringBuilder a = new StringBuilder("[");
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            a.append(',').append(space(r));
            b.append(", ");
          }
          String[] v = value(r, depth + 1);
          a.append(v[0]);
          b.append(v[1]);
        }
        return new String[] {a.append(']').toString(), b.append(']').toString()};
      }
      default -> {
        int n = r.nextInt(4);
        StringBuilder a = new StringBuilder("{");
        StringBuilder b = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            a.append(',').append(space(r));
            b.append(", ");
          }
          String key = "k" + i + randomString(r);
          String[] v = value(r, depth + 1);
          a.append(sentString(key, r)).append(space(r)).append(':').append(space(r)).append(v[0]);
          b.append(storedString(key)).append(": ").append(v[1]);
        }
        return new String[] {a.append('}').toString(), b.append('}').toString()};
      }
    }
  }

  private static String randomString(SplittableRandom r) {
    int n = r.nextInt(12);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < n; i++) {
      sb.append(ALPHABET.charAt(r.nextInt(ALPHABET.length())));
    }
    if (r.nextInt(10) == 0) {
      sb.append("\ud83d\ude00"); // a character outside the BMP
    }
    return sb.toString();
  }

  /** JSON text for a string as a client might send it: only what JSON requires is escaped. */
  private static String sentString(String s, SplittableRandom r) {
    StringBuilder sb = new StringBuilder("\"");
    boolean escapeLow = false;
    for (char c : s.toCharArray()) {
      // Both halves of a surrogate pair are escaped, or neither.
      boolean escape =
          Character.isLowSurrogate(c) ? escapeLow : c < 0x20 || (c > 0x7e && r.nextBoolean());
      escapeLow = Character.isHighSurrogate(c) && escape;
      if (c == '"' || c == '\\') {
        sb.append('\\').append(c);
      } else if (escape) {
        sb.append(String.format("\\u%04X", (int) c));
      } else if (c == '/' && r.nextBoolean()) {
        sb.append("\\/");
      } else {
        sb.append(c);
      }
    }
    return sb.append('"').toString();
  }

  /** JSON text for a string as Meltano (Python's json.dumps) writes it. */
  private static String storedString(String s) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            sb.append(c);
          } else {
            sb.append(String.format("\\u%04x", (int) c));
          }
        }
      }
    }
    return sb.append('"').toString();
  }
}
