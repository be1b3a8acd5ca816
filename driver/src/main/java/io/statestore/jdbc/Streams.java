package io.statestore.jdbc;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.Charset;
import java.sql.SQLException;

/** Reads a stream bound to a parameter into a value, so that a batch can bind it again. */
final class Streams {
  private Streams() {}

  /** The bytes of {@code in} ({@code limit} at most, all when negative); null for null. */
  static byte[] bytes(InputStream in, long limit) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] buf = new byte[8192];
      long left = limit < 0 ? Long.MAX_VALUE : limit;
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        out.write(buf, 0, n);
        left -= n;
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  /** The text of {@code in} in {@code charset}; null for null. */
  static String text(InputStream in, Charset charset, long limit) throws SQLException {
    byte[] b = bytes(in, limit);
    return b == null ? null : new String(b, charset);
  }

  /** The text of {@code in} ({@code limit} characters at most, all when negative). */
  static String text(Reader in, long limit) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      StringBuilder out = new StringBuilder();
      char[] buf = new char[8192];
      long left = limit < 0 ? Long.MAX_VALUE : limit;
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        out.append(buf, 0, n);
        left -= n;
      }
      return out.toString();
    } catch (IOException e) {
      throw failed(e);
    }
  }

  private static SQLException failed(IOException e) {
    return new StatestoreSQLException(
        StatestoreErrorCode.DATA_EXCEPTION,
        "Could not read the stream bound to the parameter: " + SqlErrors.safe(e.getMessage()),
        e);
  }
}
