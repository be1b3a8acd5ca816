package io.statestore.migrate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class StatePatternTest {
  @Test
  void translatesWildcardsAndEscapesLikeCharacters() {
    assertEquals("dev:%", StatePattern.of("dev:*").like());
    assertEquals("a_b%", StatePattern.of("a?b*").like());
    assertEquals("100\\%\\_x\\\\y", StatePattern.of("100%_x\\y").like());
    assertEquals("%", StatePattern.of(null).like());
    assertTrue(StatePattern.of("dev:*").exactInSql());
  }

  @Test
  void classesStopTheLikePatternAndFilterExactly() {
    StatePattern p = StatePattern.of("env[12]:*");
    assertEquals("env%", p.like());
    assertFalse(p.exactInSql());
    assertTrue(p.matches("env1:x"));
    assertFalse(p.matches("env3:x"));
  }

  @Test
  void likeCharactersAreLiteralInTheGlob() {
    StatePattern p = StatePattern.of("a%b");
    assertTrue(p.matches("a%b"));
    assertFalse(p.matches("axxb"));
  }
}
