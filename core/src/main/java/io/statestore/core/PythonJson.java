package io.statestore.core;

import java.util.concurrent.ThreadLocalRandom;

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
final class PythonJson {
  /** Python 3.11+ refuses to convert integers of more digits ({@code sys.int_info}). */
  static final int MAX_INT_DIGITS = 4300;

  private static final byte[] HEX =
      "0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

  private final String s;
  private final int n;
  private final int maxDepth;
  private final boolean[] inObject;
  private final KeyTable[] keys;
  private final int seed = ThreadLocalRandom.current().nextInt() | 1;
  private byte[] out;
  private long len;
  private int pos;
  private int depth;

  private PythonJson(String s, int maxDepth) {
    this.s = s;
    this.n = s.length();
    this.maxDepth = maxDepth;
    this.inObject = new boolean[maxDepth + 1];
    this.keys = new KeyTable[maxDepth + 1];
  }

  /**
   * Checks a state document and renders it as {@code {"completed": ..., "partial": ...}}.
   *
   * @throws IllegalArgumentException naming the problem and where it is
   */
  static byte[] renderDocument(String text, int maxDepth) {
    PythonJson j = new PythonJson(text, maxDepth);
    int[] spans = j.checkDocument();
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

  /** Returns {completedStart, completedEnd, completedLength, partialStart, ..., ...}. */
  private int[] checkDocument() {
    int[] spans = {-1, -1, -1, -1, -1, -1};
    skipWs();
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
    return spans;
  }

  private int topLevelSlot(int keyStart, int keyEnd) {
    String key = keyEnd - keyStart <= 40 ? decodeKey(keyStart) : null;
    if ("completed".equals(key)) {
      return 0;
    }
    if ("partial".equals(key)) {
      return 3;
    }
    String shown = key != null ? key : s.substring(keyStart + 1, keyStart + 30) + "...";
    throw new IllegalArgumentException(
        "unexpected key '"
            + shown.replaceAll("[^ -~]", "?")
            + "' (a state has only \"completed\" and \"partial\")");
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

  /** Reads and renders the string at {@code pos}; returns a hash of its characters. */
  private int scanString() {
    pos++;
    emit('"');
    int hash = seed;
    while (true) {
      if (pos >= n) {
        throw problem("unterminated string");
      }
      char c = s.charAt(pos++);
      if (c == '"') {
        emit('"');
        return hash;
      }
      if (c == '\\') {
        pos--;
        long unit = escape(pos);
        c = (char) (unit >>> 32);
        if (Character.isHighSurrogate(c)) {
          long low = (int) unit < n ? escapeOrNot((int) unit) : -1;
          if (low < 0 || !Character.isLowSurrogate((char) (low >>> 32))) {
            throw problem("a lone surrogate \\u" + Integer.toHexString(c) + " (not valid Unicode)");
          }
          hash = mix(hash, c);
          escapeChar(c);
          c = (char) (low >>> 32);
          pos = (int) low;
        } else if (Character.isLowSurrogate(c)) {
          throw problem("a lone surrogate \\u" + Integer.toHexString(c) + " (not valid Unicode)");
        } else {
          pos = (int) unit;
        }
      } else if (c < 0x20) {
        pos--;
        throw problem("a raw control character U+00" + hex2(c) + " in a string (escape it)");
      } else if (Character.isHighSurrogate(c)) {
        if (pos >= n || !Character.isLowSurrogate(s.charAt(pos))) {
          pos--;
          throw problem("a lone surrogate (not valid Unicode)");
        }
        hash = mix(hash, c);
        escapeChar(c);
        c = s.charAt(pos++);
      } else if (Character.isLowSurrogate(c)) {
        pos--;
        throw problem("a lone surrogate (not valid Unicode)");
      }
      hash = mix(hash, c);
      escapeChar(c);
    }
  }

  /** An escape at {@code at} (a backslash) as (unit << 32 | position after it), or -1. */
  private long escapeOrNot(int at) {
    return s.charAt(at) == '\\' && at + 1 < n && s.charAt(at + 1) == 'u' ? escape(at) : -1;
  }

  /** Decodes the escape at {@code at}: (unit << 32 | position after it). */
  private long escape(int at) {
    if (at + 1 >= n) {
      throw problem("unterminated string");
    }
    char e = s.charAt(at + 1);
    char unit;
    switch (e) {
      case '"', '\\', '/' -> unit = e;
      case 'b' -> unit = '\b';
      case 'f' -> unit = '\f';
      case 'n' -> unit = '\n';
      case 'r' -> unit = '\r';
      case 't' -> unit = '\t';
      case 'u' -> {
        int v = 0;
        for (int i = at + 2; i < at + 6; i++) {
          int d = i < n ? hexDigit(s.charAt(i)) : -1;
          if (d < 0) {
            pos = at;
            throw problem("an invalid \\u escape (four hex digits expected)");
          }
          v = v * 16 + d;
        }
        return ((long) v << 32) | (at + 6);
      }
      default -> {
        pos = at;
        throw problem("an invalid escape \\" + (e >= 0x20 && e < 0x7f ? String.valueOf(e) : "?"));
      }
    }
    return ((long) unit << 32) | (at + 2);
  }

  /** The decoded characters of the (checked) string at {@code start}, for short keys. */
  String decodeKey(int start) {
    StringBuilder b = new StringBuilder();
    for (int p = start + 1; ; ) {
      long u = unitAt(p);
      if (u < 0) {
        return b.toString();
      }
      b.append((char) (u >>> 32));
      p = (int) u;
    }
  }

  /** The next character of a checked string at {@code p}: (unit << 32 | next), or -1 at its end. */
  long unitAt(int p) {
    char c = s.charAt(p);
    if (c == '"') {
      return -1;
    }
    return c == '\\' ? escape(p) : ((long) c << 32) | (p + 1);
  }

  /** The same hash {@link #scanString} gave the (checked) string at {@code start}. */
  int hashKey(int start) {
    int hash = seed;
    for (int p = start + 1; ; ) {
      long u = unitAt(p);
      if (u < 0) {
        return hash;
      }
      hash = mix(hash, (char) (u >>> 32));
      p = (int) u;
    }
  }

  private static int hexDigit(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }

  private static int mix(int hash, char c) {
    int h = (hash ^ c) * 0x9E3779B1;
    return h ^ (h >>> 15);
  }

  private void escapeChar(char c) {
    switch (c) {
      case '"' -> ascii("\\\"");
      case '\\' -> ascii("\\\\");
      case '\n' -> ascii("\\n");
      case '\r' -> ascii("\\r");
      case '\t' -> ascii("\\t");
      case '\b' -> ascii("\\b");
      case '\f' -> ascii("\\f");
      default -> {
        if (c >= 0x20 && c <= 0x7e) {
          emit(c);
        } else {
          emit('\\');
          emit('u');
          emit(HEX[(c >> 12) & 0xf]);
          emit(HEX[(c >> 8) & 0xf]);
          emit(HEX[(c >> 4) & 0xf]);
          emit(HEX[c & 0xf]);
        }
      }
    }
  }

  private static String hex2(char c) {
    return new String(
        new byte[] {HEX[(c >> 4) & 0xf], HEX[c & 0xf]}, java.nio.charset.StandardCharsets.US_ASCII);
  }

  private void skipWs() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private void expectChar(char c, String what) {
    if (pos >= n || s.charAt(pos) != c) {
      throw problem("expected " + what);
    }
    pos++;
  }

  private void emit(int b) {
    if (out != null) {
      out[(int) len] = (byte) b;
    }
    len++;
  }

  private void ascii(String a) {
    for (int i = 0; i < a.length(); i++) {
      emit(a.charAt(i));
    }
  }

  private IllegalArgumentException problem(String what) {
    return new IllegalArgumentException(what + " at character " + pos);
  }
}
