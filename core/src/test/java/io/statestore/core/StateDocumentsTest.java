package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Meltano's rendering, and the check that tells a whole document from a torn one. */
class StateDocumentsTest {
  private static final String DOC =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"since\":"
          + " \"2024-08-07T19:26:40\", \"ids\": [1, 2.5, -3e7, true, null],"
          + " \"name\": \"caf\\u00e9 \\\"q\\\" \\\\ \\n\"}}}}, \"partial\": {}}";

  private static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void rendersAsPythonJsonDumps() {
    String compact =
        "{\"partial\":{},\"completed\":{\"singer_state\":{\"bookmarks\":{\"users\":{\"since\":"
            + "\"2024-08-07T19:26:40\",\"ids\":[1,2.5,-3e7,true,null],\"name\":\"café \\\"q\\\""
            + " \\\\ \\n\"}}}}}";
    assertEquals(
        DOC,
        new String(StateDocuments.normalize("s", compact, 1 << 20), StandardCharsets.US_ASCII));
    assertArrayEquals(utf8(DOC), StateDocuments.normalize("s", DOC, 1 << 20), "idempotent");
    assertEquals(
        "{\"completed\": {}, \"partial\": {}}",
        new String(StateDocuments.normalize("s", "{}", 100), StandardCharsets.US_ASCII));
  }

  @Test
  void everyProperPrefixOfADocumentIsTorn() {
    byte[] doc = utf8(DOC);
    assertTrue(StateDocuments.isDocument(doc));
    for (int n = 0; n < doc.length; n++) {
      assertFalse(StateDocuments.isDocument(Arrays.copyOf(doc, n)), "prefix of " + n + " bytes");
    }
  }

  @Test
  void onlyStateDocumentsPass() {
    for (String bad :
        new String[] {
          "[]",
          "{\"completed\": {}, \"other\": {}}",
          "{\"completed\": {}} {}",
          "{\"completed\": {}, \"completed\": {}}",
          "{\"completed\": {\"a\": 1, \"a\": 2}}",
          "{\"completed\": {]}",
          "",
        }) {
      assertFalse(StateDocuments.isDocument(utf8(bad)), bad);
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> StateDocuments.normalize("s", bad, 100));
      assertEquals(ErrorKind.INVALID_DOCUMENT, e.kind(), bad);
    }
  }

  @Test
  void partsRoundTrip() {
    // A NULL column is None to Meltano, which json.dumps renders as null.
    byte[] doc = StateDocuments.fromParts("{\"a\":[1, {\"b\":\"\\u00fc\"}]}", null);
    assertEquals(
        "{\"completed\": {\"a\": [1, {\"b\": \"\\u00fc\"}]}, \"partial\": null}",
        new String(doc, StandardCharsets.US_ASCII));
    String[] parts = StateDocuments.toParts(doc);
    assertEquals("{\"a\": [1, {\"b\": \"\\u00fc\"}]}", parts[0]);
    assertEquals("null", parts[1]);
  }
}
