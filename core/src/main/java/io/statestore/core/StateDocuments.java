package io.statestore.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
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
 *
 * <p>A body in Meltano's user-facing form, {@code {"singer_state": ...}} (what {@code meltano state
 * get} prints and {@code meltano state set} takes), is accepted too and stored as {@code meltano
 * state set} stores it: {@code {"completed": {"singer_state": ...}, "partial": {}}}.
 */
public final class StateDocuments {
  /** The key of completed state. */
  public static final String COMPLETED = "completed";

  /** The key of partial state. */
  public static final String PARTIAL = "partial";

  /**
   * The deepest nesting of objects and arrays a body may have, the document itself counting as one
   * level. Python's {@code json} reads and writes with recursion and fails at about 1000 levels
   * (less inside an application's own call stack), so deeper state could not be used.
   */
  public static final int MAX_DEPTH = 512;

  /** Reads stored documents (written by statestore, Meltano or another tool). */
  private static final JsonFactory JSON =
      JsonFactory.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .enable(com.fasterxml.jackson.core.StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .streamReadConstraints(
              StreamReadConstraints.builder()
                  .maxStringLength(Integer.MAX_VALUE)
                  .maxNestingDepth(2_000)
                  .maxNumberLength(Integer.MAX_VALUE)
                  .build())
          .build();

  private static final byte[] NULL = "null".getBytes(StandardCharsets.US_ASCII);
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /**
   * The JSON reader every stored document is read with: Python's {@code NaN}/{@code Infinity}
   * accepted, duplicate keys refused, no limit on string or number length. Tools that parse state
   * documents themselves (the command line) use it so they accept exactly what the store does.
   */
  public static JsonFactory jsonFactory() {
    return JSON;
  }

  private StateDocuments() {}

  /**
   * Validates and renders a body given as UTF-8 bytes for storage; see {@link #normalize(String,
   * String, long)}. A leading UTF-8 byte order mark is skipped, as Python's {@code json.loads} does
   * for bytes; bytes that are not UTF-8 (including encoded surrogates) are refused.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_DOCUMENT} when the body is not a state
   *     document, {@link ErrorKind#INVALID_INPUT} when it is too large
   */
  public static byte[] normalize(String stateId, byte[] body, long maxBytes) {
    if (body == null) {
      throw missing(stateId);
    }
    checkSize(stateId, body.length, maxBytes);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(body))
              .toString();
    } catch (CharacterCodingException e) {
      throw invalid(stateId, "it is not valid UTF-8");
    }
    return normalize(stateId, text.startsWith("\ufeff") ? text.substring(1) : text, maxBytes);
  }

  /**
   * Validates and renders a body for storage.
   *
   * <p>A body is accepted exactly when Python's {@code json.loads} (with which Meltano reads state)
   * reads it into a value Python can write again: strict JSON (RFC 8259) plus {@code NaN}, {@code
   * Infinity} and {@code -Infinity}; integers of at most 4300 digits; no lone surrogate, raw or
   * escaped; at most {@link #MAX_DEPTH} levels of nesting. Duplicate keys are refused too, since
   * Python would silently keep only the last. Rendering needs the body plus its rendering in
   * memory, nothing more.
   *
   * @param stateId the id, for messages
   * @param body the body as given
   * @param maxBytes the largest body accepted, in UTF-8 bytes
   * @return the document in Meltano's rendering
   * @throws StateStoreException {@link ErrorKind#INVALID_DOCUMENT} when the body is not a state
   *     document, {@link ErrorKind#INVALID_INPUT} when it is too large
   */
  public static byte[] normalize(String stateId, String body, long maxBytes) {
    if (body == null) {
      throw missing(stateId);
    }
    checkSize(stateId, utf8Length(body), maxBytes);
    if (body.isEmpty()) {
      throw invalid(stateId, "body is empty");
    }
    try {
      return PythonJson.renderDocument(body, MAX_DEPTH);
    } catch (IllegalArgumentException e) {
      throw invalid(stateId, e.getMessage());
    }
  }

  private static StateStoreException missing(String stateId) {
    return new StateStoreException(
        ErrorKind.MISSING_VALUE, "Body of state_id " + StateIds.quote(stateId) + " is NULL");
  }

  private static void checkSize(String stateId, long bytes, long maxBytes) {
    if (bytes > maxBytes) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT,
          "Body of state_id "
              + StateIds.quote(stateId)
              + " is "
              + bytes
              + " bytes; the limit (max_body_bytes) is "
              + maxBytes);
    }
  }

  /** The UTF-8 length of a string, counting a lone surrogate as three bytes. */
  private static long utf8Length(String s) {
    long bytes = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        bytes++;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c)
          && i + 1 < s.length()
          && Character.isLowSurrogate(s.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
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
   * may be {@code null} (a NULL column, which Meltano reads as {@code None} and renders as {@code
   * null}, as it renders a stored JSON {@code null}).
   */
  public static byte[] fromParts(String completed, String partial) {
    AsciiBuffer out = new AsciiBuffer(256);
    write(out, "{\"" + COMPLETED + "\": ");
    out.write(completed == null ? NULL : renderValue(completed));
    write(out, ", \"" + PARTIAL + "\": ");
    out.write(partial == null ? NULL : renderValue(partial));
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
