package io.statestore.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The state document rules, in one place.
 *
 * <p>A state document is a JSON object with at most the keys {@code completed} and {@code partial}.
 * Before it is written it is rendered the way Meltano (Python's {@code json.dumps}) writes it:
 * {@code {"completed": ..., "partial": ...}} in that order, a missing key as {@code {}}, separators
 * {@code ", "} and {@code ": "}, every non-ASCII character escaped as {@code \}{@code uXXXX},
 * numbers exactly as given, no trailing newline. Rendering is idempotent, so a document written by
 * Meltano or by statestore is stored byte for byte as it was read.
 */
public final class StateDocuments {
  /** The key of completed state. */
  public static final String COMPLETED = "completed";

  /** The key of partial state. */
  public static final String PARTIAL = "partial";

  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(10_000)
                  .maxNumberLength(10_000)
                  .build())
          .build();

  private static final byte[] EMPTY_OBJECT = "{}".getBytes(StandardCharsets.US_ASCII);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private StateDocuments() {}

  /**
   * Validates and renders a body for storage.
   *
   * @param stateId the id, for messages
   * @param body the body as given
   * @param maxBytes the largest body accepted
   * @return the document in Meltano's rendering
   * @throws StateStoreException {@link ErrorKind#INVALID_DOCUMENT} when the body is not a state
   *     document or is too large
   */
  public static byte[] normalize(String stateId, byte[] body, long maxBytes) {
    if (body == null) {
      throw new StateStoreException(
          ErrorKind.MISSING_VALUE, "Body of state_id " + StateIds.quote(stateId) + " is NULL");
    }
    if (body.length == 0) {
      throw invalid(stateId, "body is empty");
    }
    if (body.length > maxBytes) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT,
          "Body of state_id "
              + StateIds.quote(stateId)
              + " is "
              + body.length
              + " bytes; the limit (max_body_bytes) is "
              + maxBytes);
    }
    try {
      return render(body);
    } catch (JsonProcessingException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_DOCUMENT,
          "Body of state_id "
              + StateIds.quote(stateId)
              + " is not valid JSON: "
              + e.getOriginalMessage(),
          e);
    } catch (IOException e) {
      throw new StateStoreException(ErrorKind.INVALID_DOCUMENT, "Unreadable body", e);
    } catch (IllegalArgumentException e) {
      throw invalid(stateId, e.getMessage());
    }
  }

  /** {@link #normalize(String, byte[], long)} for a string body. */
  public static byte[] normalize(String stateId, String body, long maxBytes) {
    return normalize(
        stateId, body == null ? null : body.getBytes(StandardCharsets.UTF_8), maxBytes);
  }

  /** Whether the bytes are a complete state document (used to detect torn reads). */
  public static boolean isDocument(byte[] content) {
    try (JsonParser p = JSON.createParser(content)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return false;
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        if (!COMPLETED.equals(name) && !PARTIAL.equals(name)) {
          return false;
        }
        p.nextToken();
        p.skipChildren(); // still reads every token, so a torn or malformed value is caught
      }
      return p.currentToken() == JsonToken.END_OBJECT && p.nextToken() == null;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Builds a document from its two parts as stored in Meltano's system database, either of which
   * may be {@code null} (rendered as {@code {}}, as Meltano does).
   */
  public static byte[] fromParts(String completed, String partial) {
    AsciiBuffer out = new AsciiBuffer(256);
    write(out, "{\"" + COMPLETED + "\": ");
    out.write(completed == null ? EMPTY_OBJECT : renderValue(completed));
    write(out, ", \"" + PARTIAL + "\": ");
    out.write(partial == null ? EMPTY_OBJECT : renderValue(partial));
    write(out, "}");
    return out.toByteArray();
  }

  /**
   * Splits a rendered document into its {@code completed} and {@code partial} parts, each rendered;
   * a JSON {@code null} part is returned as the text {@code null}.
   */
  public static String[] toParts(byte[] document) {
    try (JsonParser p = JSON.createParser(document)) {
      String[] parts = {"{}", "{}"};
      expect(p.nextToken() == JsonToken.START_OBJECT, "the body must be a JSON object");
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        AsciiBuffer out = new AsciiBuffer(256);
        copyValue(p, out);
        parts[COMPLETED.equals(name) ? 0 : 1] = out.toString();
      }
      return parts;
    } catch (IOException e) {
      throw new StateStoreException(ErrorKind.CORRUPT, "Stored state is not valid JSON", e);
    }
  }

  private static byte[] renderValue(String json) {
    try (JsonParser p = JSON.createParser(json)) {
      expect(p.nextToken() != null, "empty JSON value");
      AsciiBuffer out = new AsciiBuffer(256);
      copyValue(p, out);
      expect(p.nextToken() == null, "trailing content after the JSON value");
      return out.toByteArray();
    } catch (IOException e) {
      throw new StateStoreException(ErrorKind.CORRUPT, "Stored state part is not valid JSON", e);
    }
  }

  private static byte[] render(byte[] body) throws IOException {
    try (JsonParser p = JSON.createParser(body)) {
      JsonToken first = p.nextToken();
      expect(first != null, "body holds no JSON value");
      expect(
          first == JsonToken.START_OBJECT,
          "the body must be a JSON object {\"completed\": ..., \"partial\": ...}");
      byte[] completed = null;
      byte[] partial = null;
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        p.nextToken();
        AsciiBuffer out = new AsciiBuffer(256);
        copyValue(p, out);
        if (COMPLETED.equals(name)) {
          completed = out.toByteArray();
        } else if (PARTIAL.equals(name)) {
          partial = out.toByteArray();
        } else {
          throw new IllegalArgumentException(
              "unexpected key '" + name + "' (a state has only \"completed\" and \"partial\")");
        }
      }
      expect(p.nextToken() == null, "trailing content after the JSON object");
      AsciiBuffer out = new AsciiBuffer(body.length + 32);
      write(out, "{\"" + COMPLETED + "\": ");
      out.write(completed == null ? EMPTY_OBJECT : completed);
      write(out, ", \"" + PARTIAL + "\": ");
      out.write(partial == null ? EMPTY_OBJECT : partial);
      write(out, "}");
      return out.toByteArray();
    }
  }

  /** Copies the value at the parser's current token in Python's json.dumps rendering. */
  private static void copyValue(JsonParser p, AsciiBuffer out) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT -> {
        out.write('{');
        boolean first = true;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          if (!first) {
            write(out, ", ");
          }
          first = false;
          writeString(out, p.currentName());
          write(out, ": ");
          p.nextToken();
          copyValue(p, out);
        }
        out.write('}');
      }
      case START_ARRAY -> {
        out.write('[');
        boolean first = true;
        while (p.nextToken() != JsonToken.END_ARRAY) {
          if (!first) {
            write(out, ", ");
          }
          first = false;
          copyValue(p, out);
        }
        out.write(']');
      }
      case VALUE_STRING -> writeString(out, p.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT, VALUE_TRUE, VALUE_FALSE, VALUE_NULL ->
          write(out, p.getText());
      default -> throw new IllegalArgumentException("unexpected JSON token " + t);
    }
  }

  private static void writeString(AsciiBuffer out, String s) {
    out.write('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> write(out, "\\\"");
        case '\\' -> write(out, "\\\\");
        case '\n' -> write(out, "\\n");
        case '\r' -> write(out, "\\r");
        case '\t' -> write(out, "\\t");
        case '\b' -> write(out, "\\b");
        case '\f' -> write(out, "\\f");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            out.write(c);
          } else {
            out.write('\\');
            out.write('u');
            out.write(HEX[(c >> 12) & 0xf]);
            out.write(HEX[(c >> 8) & 0xf]);
            out.write(HEX[(c >> 4) & 0xf]);
            out.write(HEX[c & 0xf]);
          }
        }
      }
    }
    out.write('"');
  }

  private static void write(AsciiBuffer out, String ascii) {
    out.writeAscii(ascii);
  }

  private static void expect(boolean condition, String message) {
    if (!condition) {
      throw new IllegalArgumentException(message);
    }
  }

  private static StateStoreException invalid(String stateId, String problem) {
    return new StateStoreException(
        ErrorKind.INVALID_DOCUMENT,
        "Body of state_id " + StateIds.quote(stateId) + " is not a state document: " + problem);
  }
}
