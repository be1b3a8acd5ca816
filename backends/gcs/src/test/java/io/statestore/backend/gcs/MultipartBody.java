package io.statestore.backend.gcs;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The parts of a {@code multipart/related} request body, as the JSON API's multipart upload sends
 * them: the object's metadata as JSON, then its bytes. Binary-safe: parts are cut at the boundary
 * lines only.
 */
final class MultipartBody {
  private MultipartBody() {}

  /** The boundary named by a {@code Content-Type} header, or {@code null}. */
  static String boundary(String contentType) {
    if (contentType == null) {
      return null;
    }
    for (String param : contentType.split(";")) {
      String p = param.strip();
      if (p.toLowerCase(Locale.ROOT).startsWith("boundary=")) {
        String value = p.substring("boundary=".length());
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
          value = value.substring(1, value.length() - 1);
        }
        return value;
      }
    }
    return null;
  }

  /**
   * The bodies of the parts (each without its headers).
   *
   * @throws IllegalArgumentException when the body is not well-formed
   */
  static List<byte[]> parts(byte[] body, String boundary) {
    byte[] delimiter = ("--" + boundary).getBytes(StandardCharsets.US_ASCII);
    List<byte[]> parts = new ArrayList<>();
    int at = indexOf(body, delimiter, 0);
    if (at < 0) {
      throw new IllegalArgumentException("no boundary");
    }
    while (true) {
      int lineEnd = at + delimiter.length;
      if (lineEnd + 1 < body.length && body[lineEnd] == '-' && body[lineEnd + 1] == '-') {
        return parts; // the closing delimiter
      }
      int headersStart = indexOf(body, "\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd);
      int headersEnd = indexOf(body, "\r\n\r\n".getBytes(StandardCharsets.US_ASCII), lineEnd);
      if (headersStart < 0 || headersEnd < 0) {
        throw new IllegalArgumentException("part without headers");
      }
      int contentStart = headersEnd + 4;
      byte[] next = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
      int contentEnd = indexOf(body, next, contentStart);
      if (contentEnd < 0) {
        throw new IllegalArgumentException("unterminated part");
      }
      parts.add(Arrays.copyOfRange(body, contentStart, contentEnd));
      at = contentEnd + 2;
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle, int from) {
    outer:
    for (int i = from; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }
}
