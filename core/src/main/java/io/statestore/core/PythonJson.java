package io.statestore.core;

/**
 * A JSON reader that accepts exactly the texts Python's {@code json.loads} reads into values Python
 * can use (RFC 8259 plus {@code NaN}, {@code Infinity} and {@code -Infinity}; integers of at most
 * 4300 digits; no lone surrogates; a nesting limit), and renders them as {@code json.dumps} writes
 * them with ASCII escapes and {@code ", "}/{@code ": "} separators, numbers as given.
 *
 * <p>It works without recursion (so no depth reaches the Java stack) and in two passes over the
 * text: the first checks it and measures the rendering, the second writes it into an array of
 * exactly that size, so rendering needs the text plus its rendering and nothing in between.
 */
final class PythonJson extends JsonText {
  /** Python 3.11+ refuses to convert integers of more digits ({@code sys.int_info}). */
  static final int MAX_INT_DIGITS = 4300;

  /** The key of Meltano's user-facing state form. */
  private static final String SINGER_STATE = "singer_state";

  private final int maxDepth;
  private final boolean[] inObject;
  private final KeyTable[] keys;
  private int depth;

  private PythonJson(String s, int maxDepth) {
    super(s);
    this.maxDepth = maxDepth;
    this.inObject = new boolean[maxDepth + 1];
    this.keys = new KeyTable[maxDepth + 1];
  }

  /**
   * Checks a state document and renders it as {@code {"completed": ..., "partial": ...}}. A body in
   * Meltano's user-facing state form (an object with {@code "singer_state"} at the top and neither
   * {@code "completed"} nor {@code "partial"}, what {@code meltano state get} prints and {@code
   * meltano state set} takes) is stored as {@code meltano state set} stores it: as the completed
   * state, {@code {"completed": <body>, "partial": {}}}.
   *
   * @throws IllegalArgumentException naming the problem and where it is
   */
  static byte[] renderDocument(String text, int maxDepth) {
    PythonJson j = new PythonJson(text, maxDepth);
    int[] spans = j.checkDocument();
    if (spans[6] >= 0) {
      return j.renderCompleted(spans[6]);
    }
    long total = 2 + "\"completed\": ".length() + 2 + "\"partial\": ".length();
    total += spans[2] < 0 ? 2 : spans[2];
    total += spans[5] < 0 ? 2 : spans[5];
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("its rendering would exceed 2 GiB");
    }
    j.out = new byte[(int) total];
    j.len = 0;
    j.ascii("{\"completed\": ");
    j.renderSpan(spans[0], spans[2]);
    j.ascii(", \"partial\": ");
    j.renderSpan(spans[3], spans[5]);
    j.ascii("}");
    return j.out;
  }

  /**
   * Returns {completedStart, completedEnd, completedLength, partialStart, ..., ..., formStart}: the
   * last is where a body in Meltano's state form starts, else -1.
   */
  private int[] checkDocument() {
    int[] spans = {-1, -1, -1, -1, -1, -1, -1};
    String otherKey = null;
    boolean singerState = false;
    skipWs();
    int start = pos;
    if (pos >= n) {
      throw problem("body holds no JSON value");
    }
    if (s.charAt(pos) != '{') {
      throw problem("the body must be a JSON object {\"completed\": ..., \"partial\": ...}");
    }
    pos++;
    depth = 1;
    skipWs();
    if (pos < n && s.charAt(pos) == '}') {
      pos++;
    } else {
      while (true) {
        skipWs();
        expectChar('"', "a key in double quotes");
        int keyStart = pos - 1;
        pos = keyStart;
        scanString();
        int slot = topLevelSlot(keyStart, pos);
        if (slot < 0) {
          String key = shownKey(keyStart, pos);
          otherKey = otherKey == null ? key : otherKey;
          singerState |= SINGER_STATE.equals(key);
          skipWs();
          expectChar(':', "':'");
          value();
          skipWs();
          if (pos < n && s.charAt(pos) == ',') {
            pos++;
            continue;
          }
          expectChar('}', "',' or '}'");
          break;
        }
        if (spans[slot] >= 0) {
          throw problem("duplicate key \"" + (slot == 0 ? "completed" : "partial") + "\"");
        }
        skipWs();
        expectChar(':', "':'");
        skipWs();
        long before = len;
        spans[slot] = pos;
        value();
        spans[slot + 1] = pos;
        spans[slot + 2] = (int) Math.min(Integer.MAX_VALUE, len - before);
        skipWs();
        if (pos < n && s.charAt(pos) == ',') {
          pos++;
          continue;
        }
        expectChar('}', "',' or '}'");
        break;
      }
    }
    skipWs();
    if (pos < n) {
      throw problem("trailing content after the JSON object");
    }
    if (otherKey != null) {
      if (!singerState || spans[0] >= 0 || spans[3] >= 0) {
        throw new IllegalArgumentException(
            "unexpected key '"
                + otherKey
                + "' (a state is {\"completed\": ..., \"partial\": ...}, or Meltano's"
                + " {\"singer_state\": ...} without those two keys)");
      }
      spans[6] = start;
    }
    return spans;
  }

  /**
   * Checks again the object at {@code start} as the completed state of a document (one level
   * deeper, with its keys checked for duplicates) and renders {@code {"completed": <it>, "partial":
   * {}}}.
   */
  private byte[] renderCompleted(int start) {
    String head = "{\"completed\": ";
    String tail = ", \"partial\": {}}";
    pos = start;
    depth = 1;
    len = 0;
    value();
    long total = head.length() + len + tail.length();
    if (total > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("its rendering would exceed 2 GiB");
    }
    out = new byte[(int) total];
    len = 0;
    ascii(head);
    pos = start;
    depth = 1;
    value();
    ascii(tail);
    return out;
  }

  private int topLevelSlot(int keyStart, int keyEnd) {
    String key = keyEnd - keyStart <= 40 ? decodeKey(keyStart) : null;
    if ("completed".equals(key)) {
      return 0;
    }
    if ("partial".equals(key)) {
      return 3;
    }
    return -1;
  }

  /** A top-level key as a message shows it (shortened, ASCII only). */
  private String shownKey(int keyStart, int keyEnd) {
    String key = keyEnd - keyStart <= 40 ? decodeKey(keyStart) : null;
    String shown = key != null ? key : s.substring(keyStart + 1, keyStart + 30) + "...";
    return shown.replaceAll("[^ -~]", "?");
  }

  private void renderSpan(int start, int length) {
    if (start < 0) {
      ascii("{}");
      return;
    }
    pos = start;
    depth = 1;
    value();
  }

  /** Reads one value at {@code pos}, with everything nested in it, without recursion. */
  private void value() {
    int base = depth;
    while (true) {
      skipWs();
      if (pos >= n) {
        throw problem("the document ends where a value is expected");
      }
      char c = s.charAt(pos);
      if (c == '{' || c == '[') {
        pos++;
        open(c == '{');
        skipWs();
        char close = c == '{' ? '}' : ']';
        if (pos < n && s.charAt(pos) == close) {
          pos++;
          emit(close);
          depth--;
        } else {
          if (c == '{') {
            key();
          }
          continue;
        }
      } else {
        scalar(c);
      }
      // after a value: close containers or move to the next member
      while (depth > base) {
        skipWs();
        if (pos >= n) {
          throw problem("the document ends inside " + (inObject[depth] ? "an object" : "an array"));
        }
        char d = s.charAt(pos++);
        if (d == ',') {
          ascii(", ");
          if (inObject[depth]) {
            skipWs();
            key();
          }
          break;
        }
        if (d == (inObject[depth] ? '}' : ']')) {
          emit(d);
          depth--;
          continue;
        }
        pos--;
        throw problem("expected ',' or '" + (inObject[depth] ? '}' : ']') + "'");
      }
      if (depth == base) {
        return;
      }
    }
  }

  private void open(boolean object) {
    if (depth >= maxDepth) {
      throw problem("nested deeper than " + maxDepth + " levels");
    }
    depth++;
    inObject[depth] = object;
    emit(object ? '{' : '[');
    if (object && out == null) {
      if (keys[depth] == null) {
        keys[depth] = new KeyTable();
      }
      keys[depth].clear();
    }
  }

  /** Reads {@code "key":} inside an object, refusing a key the object already has. */
  private void key() {
    if (pos >= n || s.charAt(pos) != '"') {
      throw problem("expected a key in double quotes");
    }
    int start = pos;
    int hash = scanString();
    if (out == null && !keys[depth].add(this, start, hash)) {
      throw problem("duplicate key");
    }
    skipWs();
    expectChar(':', "':'");
    ascii(": ");
  }

  private void scalar(char c) {
    switch (c) {
      case '"' -> scanString();
      case 't' -> literal("true");
      case 'f' -> literal("false");
      case 'n' -> literal("null");
      case 'N' -> literal("NaN");
      case 'I' -> literal("Infinity");
      default -> {
        if (c == '-' && s.startsWith("-Infinity", pos)) {
          literal("-Infinity");
        } else if (c == '-' || (c >= '0' && c <= '9')) {
          number();
        } else {
          throw problem("expected a value");
        }
      }
    }
  }

  private void literal(String word) {
    if (!s.startsWith(word, pos)) {
      throw problem("expected a value");
    }
    pos += word.length();
    ascii(word);
  }

  private void number() {
    int start = pos;
    if (s.charAt(pos) == '-') {
      pos++;
    }
    int digits = pos;
    if (pos < n && s.charAt(pos) == '0') {
      pos++;
    } else if (pos < n && s.charAt(pos) >= '1' && s.charAt(pos) <= '9') {
      skipDigits();
    } else {
      throw problem("expected a digit");
    }
    int intDigits = pos - digits;
    boolean integer = true;
    if (pos + 1 < n && s.charAt(pos) == '.' && isDigit(s.charAt(pos + 1))) {
      pos++;
      skipDigits();
      integer = false;
    }
    if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
      int e = pos + 1;
      if (e < n && (s.charAt(e) == '+' || s.charAt(e) == '-')) {
        e++;
      }
      if (e < n && isDigit(s.charAt(e))) {
        pos = e;
        skipDigits();
        integer = false;
      }
    }
    if (integer && intDigits > MAX_INT_DIGITS) {
      pos = start;
      throw problem(
          "an integer of "
              + intDigits
              + " digits (Python reads at most "
              + MAX_INT_DIGITS
              + "; write it as a string)");
    }
    for (int i = start; i < pos; i++) {
      emit(s.charAt(i));
    }
  }

  private void skipDigits() {
    while (pos < n && isDigit(s.charAt(pos))) {
      pos++;
    }
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
