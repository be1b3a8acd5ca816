package io.statestore.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** Builds the server's messages and writes them to the client in order. */
final class PgWriter {
  private final OutputStream out;
  private final ByteArrayOutputStream pending = new ByteArrayOutputStream(8192);
  private final ByteArrayOutputStream msg = new ByteArrayOutputStream(256);
  private char type;

  PgWriter(OutputStream out) {
    this.out = out;
  }

  PgWriter begin(char type) {
    this.type = type;
    msg.reset();
    return this;
  }

  PgWriter int32(int v) {
    msg.write(v >>> 24);
    msg.write(v >>> 16);
    msg.write(v >>> 8);
    msg.write(v);
    return this;
  }

  PgWriter int16(int v) {
    msg.write(v >>> 8);
    msg.write(v);
    return this;
  }

  PgWriter int8(int v) {
    msg.write(v);
    return this;
  }

  PgWriter bytes(byte[] b) {
    msg.write(b, 0, b.length);
    return this;
  }

  PgWriter cstring(String s) {
    bytes(s.getBytes(StandardCharsets.UTF_8));
    msg.write(0);
    return this;
  }

  /** Ends the message begun last and queues it; large queues are written out at once. */
  void end() throws IOException {
    pending.write(type);
    int len = msg.size() + 4;
    pending.write(len >>> 24);
    pending.write(len >>> 16);
    pending.write(len >>> 8);
    pending.write(len);
    msg.writeTo(pending);
    if (pending.size() > 65536) {
      flush();
    }
  }

  /** Writes a single byte outside any message (the answer to an SSL or GSS request). */
  void raw(int b) throws IOException {
    pending.write(b);
    flush();
  }

  void flush() throws IOException {
    pending.writeTo(out);
    pending.reset();
    out.flush();
  }
}
