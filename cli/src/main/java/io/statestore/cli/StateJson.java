package io.statestore.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.statestore.core.StateDocuments;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as Meltano's command line handles it: a tree read in key order with numbers kept as written,
 * rendered as Python's {@code json.dumps} renders it (compact, default or {@code indent=2}), and
 * Meltano's deep merge of one object into another.
 *
 * <p>Values are {@code Map<String, Object>} (in key order), {@code List<Object>}, {@code String},
 * {@code Boolean}, {@code null} and {@link Num}, a number as its JSON text.
 */
final class StateJson {
  /** The key of the stored document's completed state. */
  static final String COMPLETED = "completed";

  /** The key of the stored document's partial state. */
  static final String PARTIAL = "partial";

  /** The key Meltano requires at the top of a state it is given. */
  static final String SINGER_STATE = "singer_state";

  private static final JsonFactory JSON = StateDocuments.jsonFactory();

  private static final char[] HEX = "0123456789abcdef".toCharArray();

  /** A JSON number as written. */
  record Num(String text) {}

  private StateJson() {}

  /**
   * Reads a JSON value.
   *
   * @throws UserException naming {@code what} when the text is not one JSON value
   */
  static Object parse(String text, String what) {
    try (JsonParser p = JSON.createParser(text)) {
      if (p.nextToken() == null) {
        throw new UserException(what + " is empty, not JSON");
      }
      Object value = read(p);
      if (p.nextToken() != null) {
        throw new UserException(what + " is not one JSON value: more follows it");
      }
      return value;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UserException(
          what + " is not valid JSON: " + StatestoreCommand.oneLine(e.getOriginalMessage()), e);
    } catch (IOException e) {
      throw new UserException(what + " cannot be read: " + e.getMessage(), e);
    }
  }

  /** Reads a JSON object; anything else is refused naming {@code what}. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> parseObject(String text, String what) {
    Object value = parse(text, what);
    if (!(value instanceof Map)) {
      throw new UserException(what + " must be a JSON object, not " + typeName(value));
    }
    return (Map<String, Object>) value;
  }

  private static Object read(JsonParser p) throws IOException {
    JsonToken t = p.currentToken();
    switch (t) {
      case START_OBJECT:
        Map<String, Object> map = new LinkedHashMap<>();
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          p.nextToken();
          map.put(name, read(p));
        }
        return map;
      case START_ARRAY:
        List<Object> list = new ArrayList<>();
        while (p.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(p));
        }
        return list;
      case VALUE_STRING:
        return p.getText();
      case VALUE_NUMBER_INT:
      case VALUE_NUMBER_FLOAT:
        return new Num(p.getText());
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + t);
    }
  }

  /** The Python name of a JSON value's type, as Meltano's messages give it. */
  static String typeName(Object value) {
    if (value instanceof Map) {
      return "dict";
    }
    if (value instanceof List) {
      return "list";
    }
    if (value instanceof String) {
      return "str";
    }
    if (value instanceof Boolean) {
      return "bool";
    }
    if (value instanceof Num n) {
      return n.text().matches("-?\\d+") ? "int" : "float";
    }
    return "NoneType";
  }

  /** {@code json.dumps(value, separators=(",", ":"))}: one line, no spaces. */
  static String compact(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, ",", ":", -1, 0);
    return out.toString();
  }

  /** {@code json.dumps(value, indent=2)}. */
  static String pretty(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, ",", ": ", 2, 0);
    return out.toString();
  }

  /** {@code json.dumps(value)}: separators {@code ", "} and {@code ": "}, as stored. */
  static String plain(Object value) {
    StringBuilder out = new StringBuilder();
    write(out, value, ", ", ": ", -1, 0);
    return out.toString();
  }

  /** The stored document {@code {"completed": ..., "partial": ...}} of two parts. */
  static String document(Object completed, Object partial) {
    Map<String, Object> doc = new LinkedHashMap<>();
    doc.put(COMPLETED, completed);
    doc.put(PARTIAL, partial);
    return plain(doc);
  }

  private static void write(
      StringBuilder out, Object v, String itemSep, String keySep, int indent, int level) {
    if (v instanceof Map<?, ?> map) {
      if (map.isEmpty()) {
        out.append("{}");
        return;
      }
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (!first) {
          out.append(itemSep);
        }
        first = false;
        newline(out, indent, level + 1);
        string(out, (String) e.getKey());
        out.append(keySep);
        write(out, e.getValue(), itemSep, keySep, indent, level + 1);
      }
      newline(out, indent, level);
      out.append('}');
    } else if (v instanceof List<?> list) {
      if (list.isEmpty()) {
        out.append("[]");
        return;
      }
      out.append('[');
      boolean first = true;
      for (Object item : list) {
        if (!first) {
          out.append(itemSep);
        }
        first = false;
        newline(out, indent, level + 1);
        write(out, item, itemSep, keySep, indent, level + 1);
      }
      newline(out, indent, level);
      out.append(']');
    } else if (v instanceof String s) {
      string(out, s);
    } else if (v instanceof Num n) {
      out.append(n.text());
    } else if (v instanceof Boolean b) {
      out.append(b ? "true" : "false");
    } else {
      out.append("null");
    }
  }

  private static void newline(StringBuilder out, int indent, int level) {
    if (indent >= 0) {
      out.append('\n').append(" ".repeat(indent * level));
    }
  }

  /** A string as Python writes it with {@code ensure_ascii}: non-ASCII as {@code \}uXXXX. */
  private static void string(StringBuilder out, String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '\b' -> out.append("\\b");
        case '\f' -> out.append("\\f");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            out.append(c);
          } else {
            out.append("\\u")
                .append(HEX[(c >> 12) & 0xf])
                .append(HEX[(c >> 8) & 0xf])
                .append(HEX[(c >> 4) & 0xf])
                .append(HEX[c & 0xf]);
          }
        }
      }
    }
    out.append('"');
  }

  /**
   * Meltano's deep merge ({@code meltano.core.utils.merge}): every key of {@code src} is set in
   * {@code dest}; where the value in {@code src} is an object it is merged into {@code dest}'s
   * value at that key (a new empty object when the key is missing). Merging a non-empty object into
   * a value that is not an object fails, as it does in Python; an empty one changes nothing.
   *
   * @return {@code dest}, changed in place
   */
  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> src, Map<String, Object> dest) {
    for (Map.Entry<String, Object> e : src.entrySet()) {
      Object value = e.getValue();
      if (value instanceof Map) {
        Object node = dest.get(e.getKey());
        if (!dest.containsKey(e.getKey())) {
          node = new LinkedHashMap<String, Object>();
          dest.put(e.getKey(), node);
        }
        if (!(node instanceof Map)) {
          if (((Map<?, ?>) value).isEmpty()) {
            continue;
          }
          throw new UserException(
              "Cannot merge the object at key '"
                  + e.getKey()
                  + "' into a "
                  + typeName(node)
                  + " (Meltano's merge fails here too)");
        }
        merge((Map<String, Object>) value, (Map<String, Object>) node);
      } else {
        dest.put(e.getKey(), value);
      }
    }
    return dest;
  }
}
