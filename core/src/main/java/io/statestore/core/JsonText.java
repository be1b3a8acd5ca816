package io.statestore.core;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The text under {@link PythonJson}: position, output (counted only, or written), whitespace, and
 * strings read as Python's {@code json} reads them (strict escapes, no raw control characters, no
 * lone surrogates) and rendered as {@code json.dumps} writes them (ASCII only).
 */
abstract class JsonText {
  private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

  final String s;
  final int n;
  private final int seed = ThreadLocalRandom.current().nextInt() | 1;
  byte[] out;
  long len;
  int pos;

  JsonText(String s) {
    this.s = s;
    this.n = s.length();
  }

  /** Reads and renders the string at {@code pos}; returns a hash of its characters. */
  int scanString() {
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
    return new String(new byte[] {HEX[(c >> 4) & 0xf], HEX[c & 0xf]}, StandardCharsets.US_ASCII);
  }

  void skipWs() {
    while (pos < n) {
      char c = s.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  void expectChar(char c, String what) {
    if (pos >= n || s.charAt(pos) != c) {
      throw problem("expected " + what);
    }
    pos++;
  }

  void emit(int b) {
    if (out != null) {
      out[(int) len] = (byte) b;
    }
    len++;
  }

  void ascii(String a) {
    for (int i = 0; i < a.length(); i++) {
      emit(a.charAt(i));
    }
  }

  IllegalArgumentException problem(String what) {
    return new IllegalArgumentException(what + " at character " + pos);
  }
}
