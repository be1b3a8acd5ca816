package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Bodies are accepted exactly when Python's {@code json.loads} (which Meltano reads state with)
 * accepts them, within a nesting limit Python can also read and write; everything else is refused
 * as {@link ErrorKind#INVALID_DOCUMENT} without any other exception escaping.
 */
class HostileBodiesTest {
  private static final long LIMIT = 64L << 20;

  private static String doc(String value) {
    return "{\"completed\": {\"v\": " + value + "}, \"partial\": {}}";
  }

  private static String stored(String body) {
    return new String(StateDocuments.normalize("s", body, LIMIT), StandardCharsets.US_ASCII);
  }

  private static void refused(String what, String body) {
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> StateDocuments.normalize("s", body, LIMIT), what);
    assertEquals(ErrorKind.INVALID_DOCUMENT, e.kind(), what + ": " + e.getMessage());
    assertTrue(e.getMessage().contains("state_id"), e.getMessage());
  }

  private static String nested(int depth, String open, String close) {
    return open.repeat(depth) + "1" + close.repeat(depth);
  }

  @Test
  void nonNumbersOnlyAsPythonWritesThem() {
    for (String ok : new String[] {"NaN", "Infinity", "-Infinity", "[NaN, -Infinity]"}) {
      assertEquals(doc(ok), stored(doc(ok)), ok);
    }
    for (String bad :
        new String[] {"-INF", "+INF", "INF", "+Infinity", "-NaN", "+NaN", "infinity", "nan"}) {
      refused(bad, doc(bad));
    }
  }

  @Test
  void numbersFollowPythonsGrammarAndIntegerDigitLimit() {
    String digits4300 = "7".repeat(4300);
    assertEquals(doc(digits4300), stored(doc(digits4300)));
    assertEquals(doc("-" + digits4300), stored(doc("-" + digits4300)));
    String longFloat = "0." + "3".repeat(20_000) + "e-7";
    assertEquals(doc(longFloat), stored(doc(longFloat)), "floats have no digit limit in Python");
    refused("4301-digit integer", doc("7".repeat(4301)));
    refused("negative 4301-digit integer", doc("-" + "7".repeat(4301)));
    for (String bad : new String[] {"01", "1.", ".5", "+1", "-", "1e", "1e+", "0x10", "1_000"}) {
      refused(bad, doc(bad));
    }
  }

  @Test
  void nestingIsLimitedWithoutStackOverflow() {
    int inner = StateDocuments.MAX_DEPTH - 2; // the document and "completed" are two levels
    String deepest = nested(inner, "[", "]");
    assertEquals(doc(deepest), stored(doc(deepest)));
    refused("one level too deep", doc(nested(inner + 1, "[", "]")));
    refused("objects one level too deep", doc(nested(inner + 1, "{\"a\": ", "}")));
    for (int depth : new int[] {6_000, 100_000, 1_000_000}) {
      refused(depth + " arrays", doc(nested(depth, "[", "]")));
      refused(depth + " unclosed arrays", doc("[".repeat(depth)));
      refused(depth + " objects", doc(nested(depth, "{\"a\":", "}")));
    }
  }

  @Test
  void loneSurrogatesAreRefusedPairsAreKept() {
    assertEquals(doc("\"\\ud83d\\ude00\""), stored(doc("\"\\ud83d\\ude00\"")));
    assertEquals(doc("\"\\ud83d\\ude00\""), stored(doc("\"\ud83d\ude00\"")), "raw pair");
    refused("escaped high", doc("\"\\ud800\""));
    refused("escaped low", doc("\"\\udc00x\""));
    refused("escaped high then letter", doc("\"\\ud800\\u0041\""));
    refused("escaped pair reversed", doc("\"\\ude00\\ud83d\""));
    refused("raw high", doc("\"a\ud800b\""));
    refused("raw low", doc("\"\udc00\""));
    refused("raw high at the end", doc("\"\ud800\""));
    refused("lone surrogate in a key", "{\"completed\": {\"\\ud800\": 1}}");
    refused("raw lone surrogate outside strings", "{\"completed\": {}}\ud800");
  }

  @Test
  void otherThingsPythonRefuses() {
    refused("raw control character", doc("\"a\tb\""));
    refused("raw NUL", doc("\"a\u0000b\""));
    refused("bad escape", doc("\"\\x41\""));
    refused("short unicode escape", doc("\"\\u12\""));
    refused("byte order mark", "\ufeff" + doc("1"));
    refused("single quotes", doc("'a'"));
    refused("comment", doc("1 /* c */"));
    refused("trailing comma in array", doc("[1,]"));
    refused("unquoted key", "{\"completed\": {a: 1}}");
    refused("non-breaking space as whitespace", "{\"completed\":\u00a0{}}");
    refused("truncated", doc("[1, 2"));
    refused("true prefix", doc("tru"));
  }

  @Test
  void invalidUtf8BytesAreRefused() {
    byte[] encodedSurrogate = {'{', '"', 'c', 'o', 'm', 'p', 'l', 'e', 't', 'e', 'd', '"', ':'};
    byte[] body = new byte[encodedSurrogate.length + 6];
    System.arraycopy(encodedSurrogate, 0, body, 0, encodedSurrogate.length);
    byte[] tail = {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"', '}'};
    System.arraycopy(tail, 0, body, encodedSurrogate.length, tail.length);
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> StateDocuments.normalize("s", body, LIMIT));
    assertEquals(ErrorKind.INVALID_DOCUMENT, e.kind(), e.getMessage());
  }

  @Test
  void whatPythonAcceptsRendersAsPythonWritesIt() {
    assertEquals(
        "{\"completed\": {\"a\": [1, -0, 2.5E+3, true, false, null, \"\\u00e9/\\\"\"],"
            + " \"b\": {}}, \"partial\": {\"x\": []}}",
        stored(
            " \r\n\t{\"partial\":{\"x\":[ ]},\"completed\":{\"a\":[1,-0,2.5E+3,true,false,null,"
                + "\"\\u00E9\\/\\\"\"],\"b\":{ }}} \n"));
    assertEquals(doc("\"\\u007f\\u001f\""), stored(doc("\"\u007f\\u001F\"")));
  }
}
