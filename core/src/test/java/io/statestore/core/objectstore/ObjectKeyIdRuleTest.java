package io.statestore.core.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateIdRule;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The ids an object store can hold in Meltano's layout. Meltano lists a key {@code
 * <prefix>/<a>/<b>/state.json} as the id {@code b} (its cloud listing splits on '/' and keeps the
 * last folder), so an id with '/' could be written but never listed by Meltano.
 */
class ObjectKeyIdRuleTest {
  @Test
  void idsFitTheKeyLimitWithThePrefixAndTheFileName() {
    ObjectKeyLayout layout = new ObjectKeyLayout("meltano/state");
    StateIdRule bytes = layout.idRule("s3://b/meltano/state", 1024, true);
    int room = 1024 - "meltano/state/".length() - "/state.json".length();
    assertEquals(room, bytes.longestAsciiId());
    String longest = "x".repeat(room);
    assertNull(bytes.problem(longest));
    assertEquals(1024, layout.key(longest, ObjectKind.STATE).length());
    assertTrue(bytes.problem(longest + "x").contains("1024 bytes"));
    // Bytes, not characters: 'é' is two bytes of UTF-8.
    String accents = "\u00e9".repeat(room / 2);
    assertNull(bytes.problem(accents));
    assertTrue(
        layout.key(accents + "\u00e9", ObjectKind.STATE).getBytes(StandardCharsets.UTF_8).length
            > 1024);
    assertTrue(bytes.problem(accents + "\u00e9") != null);
    // Azure counts characters.
    StateIdRule chars = layout.idRule("azure://c/meltano/state", 1024, false);
    assertNull(chars.problem("\u00e9".repeat(room)));
  }

  @Test
  void idsMeltanoCanListAreHeldOthersAreRefusedNamingTheRule() {
    StateIdRule rule = new ObjectKeyLayout("").idRule("gs://b", 1024, true);
    for (String ok : new String[] {"dev:tap-v1..v2-to-target", "a..b", " ", "a\\b", "x.y"}) {
      assertNull(rule.problem(ok), ok);
    }
    assertTrue(rule.problem("team/dev:tap-x-to-y").contains("'/'"));
    assertTrue(rule.problem("team/dev:tap-x-to-y").contains("gs://b cannot hold it"));
    assertTrue(rule.problem("..") != null);
    assertTrue(rule.problem(".") != null);
    assertTrue(rule.problem("a\nb") != null);
    assertTrue(rule.problem("") != null);
    assertTrue(rule.problem("a\u0000b") != null);
  }
}
