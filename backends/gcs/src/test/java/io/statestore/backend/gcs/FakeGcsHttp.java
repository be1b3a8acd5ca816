package io.statestore.backend.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of {@link FakeGcsServer}: reading request bodies (gzip-encoded or not), splitting
 * paths and query strings, building JSON answers and Cloud Storage's error documents, and the
 * checksums the JSON API reports. Also the two value types a request turns into: an answer ({@link
 * Response}) and a refusal ({@link Failure}).
 */
final class FakeGcsHttp {
  /** The one JSON mapper of the fake. */
  static final ObjectMapper JSON = new ObjectMapper();

  private static final Logger LOG = LoggerFactory.getLogger(FakeGcsServer.class);

  private FakeGcsHttp() {}

  /** The base64 of an object's CRC32C in big-endian order, as the {@code crc32c} field has it. */
  static String crc32c(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  /** The base64 of an object's MD5 digest, as the {@code md5Hash} field has it. */
  static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** A 501 answer for a method and path the fake does not serve, logged as a warning. */
  static Response unsupported(String method, URI uri) {
    LOG.warn("Fake Cloud Storage server does not support {} {}", method, uri);
    return error(501, "notImplemented", method + " " + uri.getRawPath() + " is not supported");
  }

  /** An error answer in the JSON API's shape, with one entry in the domain {@code global}. */
  static Response error(int status, String reason, String message) {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode e = error.putObject("error");
    e.put("code", status);
    e.put("message", message);
    e.putArray("errors")
        .addObject()
        .put("domain", "global")
        .put("reason", reason)
        .put("message", message);
    return json(status, error);
  }

  /** An answer carrying a JSON document. */
  static Response json(int status, JsonNode node) {
    try {
      Response r = new Response(status, JSON.writeValueAsBytes(node));
      r.headers.put("Content-Type", List.of("application/json; charset=UTF-8"));
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The request's body, inflated when it came with {@code Content-Encoding: gzip}. */
  static byte[] body(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.strip().equalsIgnoreCase("gzip") && raw.length > 0) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  /** The non-empty segments of a raw path, each percent-decoded. */
  static List<String> segments(String rawPath) {
    List<String> out = new ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(percentDecode(s));
      }
    }
    return out;
  }

  /** The parameters of a raw query string or form body (the last of repeated keys wins). */
  static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(percentDecode(key.replace('+', ' ')), percentDecode(value.replace('+', ' ')));
    }
    return out;
  }

  /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays a plus sign. */
  static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      int escape = s.indexOf('%', i);
      if (escape < 0) {
        out.writeBytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
        break;
      }
      out.writeBytes(s.substring(i, escape).getBytes(StandardCharsets.UTF_8));
      if (escape + 2 >= s.length()) {
        throw new Failure(400, "invalid", "malformed escape in " + s);
      }
      out.write(Integer.parseInt(s.substring(escape + 1, escape + 3), 16));
      i = escape + 3;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One answer: a status, a body (empty: none) and headers. */
  static final class Response {
    final int status;
    final byte[] body;
    final Map<String, List<String>> headers = new HashMap<>();

    Response(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }
  }

  /** A request the server refuses with an error answer. */
  static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String reason;

    Failure(int status, String reason, String message) {
      super(message, null, false, false);
      this.status = status;
      this.reason = reason;
    }
  }
}
