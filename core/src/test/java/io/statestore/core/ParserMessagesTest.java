package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.junit.jupiter.api.Test;

/** A JSON parser's message, as Jackson really words it, without the parser's internals. */
class ParserMessagesTest {
  @Test
  void jacksonsSourceDescriptionBecomesALineAndColumn() {
    JsonProcessingException e =
        assertThrows(
            JsonProcessingException.class,
            () -> {
              try (JsonParser p = new JsonFactory().createParser("{\"completed\": x}")) {
                while (p.nextToken() != null) {
                  // read to the error
                }
              }
            });
    String clean = ParserMessages.clean(e.getMessage());
    assertEquals(
        "Unrecognized token 'x': was expecting (JSON String, Number, Array, Object or token"
            + " 'null', 'true' or 'false') (line 1, column 15)",
        clean);
  }

  @Test
  void otherMessagesAreUnchanged() {
    assertEquals(
        "Body of state_id 'a' is NULL", ParserMessages.clean("Body of state_id 'a' is NULL"));
    assertEquals(null, ParserMessages.clean(null));
  }
}
