package io.statestore.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/** One message a client sent: its type byte and its body, read front to back. */
final class PgMessage {
  final char type;
  private final ByteBuffer body;

  PgMessage(char type, byte[] body) {
    this.type = type;
    this.body = ByteBuffer.wrap(body);
  }

  int int32() {
    return body.getInt();
  }

  short int16() {
    return body.getShort();
  }

  byte int8() {
    return body.get();
  }

  byte[] bytes(int n) {
    byte[] b = new byte[n];
    body.get(b);
    return b;
  }

  int remaining() {
    return body.remaining();
  }

  boolean hasRemaining() {
    return body.hasRemaining();
  }

  /** A NUL-terminated UTF-8 string. */
  String cstring() {
    int start = body.position();
    int end = start;
    while (end < body.limit() && body.get(end) != 0) {
      end++;
    }
    String s = new String(body.array(), start, end - start, StandardCharsets.UTF_8);
    body.position(Math.min(end + 1, body.limit()));
    return s;
  }
}
