package io.statestore.core.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ListedState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** {@link IdOrder} over listings in S3's order (UTF-8 bytes of {@code id + "/"}). */
class IdOrderTest {

  /** The ids as S3 lists their {@code <id>/state.json} keys: by UTF-8 bytes of {@code id + "/"}. */
  private static List<String> inKeyOrder(List<String> ids) {
    List<String> keys = new ArrayList<>(ids);
    keys.sort((a, b) -> IdOrder.compareCodePoints(a + "/", b + "/"));
    return keys;
  }

  private static List<String> restore(List<String> keyOrder) {
    IdOrder order =
        new IdOrder(keyOrder.stream().map(id -> new ListedState(id, null)).iterator(), "");
    List<String> out = new ArrayList<>();
    order.forEachRemaining(s -> out.add(s.stateId()));
    return out;
  }

  @Test
  void prefixIdsListedAfterTheirExtensionsComeFirst() {
    List<String> ids = List.of("dev:tap", "dev:tap-a", "dev:tap.b", "dev:tap b", "dev:tapx", "dev");
    List<String> keyOrder = inKeyOrder(ids);
    assertEquals(
        List.of("dev", "dev:tap b", "dev:tap-a", "dev:tap.b", "dev:tap", "dev:tapx"),
        keyOrder,
        "S3's order");
    assertEquals(new ArrayList<>(new TreeSet<>(ids)), restore(keyOrder));
  }

  @Test
  void supplementaryCharactersSortAsUtf16() {
    List<String> ids =
        List.of("a\uFF01", "a\uD83D\uDE00", "a\uE000x", "b", "\uFFFD", "\uD83D\uDE01");
    assertEquals(new ArrayList<>(new TreeSet<>(ids)), restore(inKeyOrder(ids)));
  }

  @Test
  void randomIdsComeOutInStringOrder() {
    Random random = new Random(42);
    String alphabet = "ab-. _:/0\uE000\uD83D\uDE00";
    int reordered = 0;
    for (int round = 0; round < 300; round++) {
      TreeSet<String> ids = new TreeSet<>();
      int n = 1 + random.nextInt(40);
      while (ids.size() < n) {
        StringBuilder sb = new StringBuilder();
        int len = 1 + random.nextInt(6);
        for (int i = 0; i < len; i++) {
          int at = random.nextInt(alphabet.length() - 1);
          char c = alphabet.charAt(at);
          if (c == '/') {
            continue;
          }
          if (Character.isHighSurrogate(c)) {
            sb.append(c).append(alphabet.charAt(at + 1));
          } else if (!Character.isLowSurrogate(c)) {
            sb.append(c);
          }
        }
        if (sb.length() > 0) {
          ids.add(sb.toString());
        }
      }
      List<String> expected = new ArrayList<>(ids);
      List<String> keyOrder = inKeyOrder(expected);
      reordered += keyOrder.equals(expected) ? 0 : 1;
      assertEquals(expected, restore(keyOrder), "round " + round);
    }
    assertTrue(reordered > 100, "rounds where S3's order differs: " + reordered);
  }

  @Test
  void independentIdsPassThroughWithoutWaitingForTheRest() {
    AtomicInteger pulled = new AtomicInteger();
    Iterator<ListedState> source =
        List.of("a1", "a2", "a3", "a4").stream()
            .map(
                id -> {
                  pulled.incrementAndGet();
                  return new ListedState(id, null);
                })
            .iterator();
    IdOrder order = new IdOrder(source, "");
    assertEquals("a1", order.next().stateId());
    assertTrue(pulled.get() <= 2, "pulled " + pulled.get());
  }

  @Test
  void safetyRule() {
    assertTrue(IdOrder.isSafe("abc", "abc/", 0));
    assertFalse(IdOrder.isSafe("dev:tap-1", "dev:tap-1/", 0), "dev:tap may still come");
    assertFalse(IdOrder.isSafe("dev:tap-1", "dev:tap-9/", 0));
    assertTrue(IdOrder.isSafe("dev:tap-1", "dev:tap/", 0));
    assertTrue(IdOrder.isSafe("dev:tap-1", "dev:tapa/", 0));
    assertFalse(IdOrder.isSafe("x\uE000", "x\uE000/", 0), "x + emoji may still come");
    assertTrue(IdOrder.isSafe("x\uE000", "y/", 0));
  }
}
