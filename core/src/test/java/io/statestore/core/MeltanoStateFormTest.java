package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Meltano's user-facing state form: {@code meltano state set} takes {@code {"singer_state": ...}}
 * (its validate_state requires that key at the top) and stores it as the completed state with an
 * empty partial state ({@code add_state} with {@code Payload.STATE}).
 */
class MeltanoStateFormTest {
  private static String stored(String body) {
    return new String(StateDocuments.normalize("s", body, 1 << 20), StandardCharsets.US_ASCII);
  }

  private static StateStoreException refused(String body) {
    return assertThrows(StateStoreException.class, () -> stored(body));
  }

  @Test
  void theStateFormIsStoredAsTheCompletedState() {
    assertEquals(
        "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"u\": {\"v\": 1.50}}}},"
            + " \"partial\": {}}",
        stored("{\"singer_state\":{\"bookmarks\":{\"u\":{\"v\":1.50}}}}"));
    // Every key of the body goes with it, as Meltano keeps the whole dict.
    assertEquals(
        "{\"completed\": {\"note\": \"caf\\u00e9\", \"singer_state\": null}, \"partial\": {}}",
        stored(" {\"note\": \"café\", \"singer_state\": null} "));
    // Stored documents are idempotent: the rendering is a state document itself.
    String doc = stored("{\"singer_state\": {}}");
    assertEquals(doc, stored(doc));
  }

  @Test
  void bodiesInNeitherFormAreRefusedNamingBoth() {
    for (String body :
        new String[] {
          "{\"bookmarks\": {}}",
          "{\"singer_state\": {}, \"completed\": {}}",
          "{\"partial\": {}, \"singer_state\": {}}"
        }) {
      StateStoreException e = refused(body);
      assertEquals(ErrorKind.INVALID_DOCUMENT, e.kind(), body);
      assertTrue(e.getMessage().contains("singer_state"), e.getMessage());
      assertTrue(e.getMessage().contains("completed"), e.getMessage());
    }
  }

  @Test
  void theStateFormIsCheckedAsStrictlyAsADocument() {
    assertEquals(
        ErrorKind.INVALID_DOCUMENT,
        refused("{\"singer_state\": {}, \"singer_state\": {}}").kind(),
        "duplicate key at the top");
    assertEquals(
        ErrorKind.INVALID_DOCUMENT, refused("{\"singer_state\": {\"a\": 1, \"a\": 2}}").kind());
    assertEquals(ErrorKind.INVALID_DOCUMENT, refused("{\"singer_state\": NaN,}").kind());
    // Stored one level deeper, it may nest one level less than a document.
    int levels = StateDocuments.MAX_DEPTH - 2;
    String deep = "[".repeat(levels) + "]".repeat(levels);
    stored("{\"singer_state\": " + deep + "}");
    assertEquals(
        ErrorKind.INVALID_DOCUMENT,
        refused("{\"singer_state\": [" + deep + "]}").kind(),
        "the stored document would be nested deeper than " + StateDocuments.MAX_DEPTH);
  }
}
