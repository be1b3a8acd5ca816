package io.statestore.core.objectstore;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statestore.spi.ListedState;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** {@link IdOrder}: key order (by code unit or by code point) in, id order out, lazily. */
class IdOrderBothOrdersTest {
  private static final String[] PIECES = {
    "a", "b", "z", " ", "-", ".", "!", "0", "\uE000", "\uFFFD", "😀", "\uD83D\uDE01", "é"
  };

  private static List<String> reorder(List<String> idsInNameOrder) {
    return reorder(idsInNameOrder, "");
  }

  private static List<String> reorder(List<String> idsInNameOrder, String prefix) {
    Iterator<ListedState> source =
        idsInNameOrder.stream().map(id -> new ListedState(id, null)).iterator();
    List<String> out = new ArrayList<>();
    new IdOrder(source, prefix).forEachRemaining(s -> out.add(s.stateId()));
    return out;
  }

  private static List<String> inNameOrder(TreeSet<String> ids, Comparator<String> order) {
    List<String> names = new ArrayList<>(ids);
    names.sort(Comparator.comparing(id -> id + "/", order));
    return names;
  }

  @Test
  void prefixIdsFollowingCharactersBelowSlashAreReordered() {
    assertEquals(
        List.of("dev:tap", "dev:tap x", "dev:tap-x", "dev:tap.x", "dev:tapz"),
        reorder(List.of("dev:tap x", "dev:tap-x", "dev:tap.x", "dev:tap", "dev:tapz")));
  }

  @Test
  void randomIdsComeOutInStringOrderFromEitherNameOrder() {
    Random random = new Random(20240807);
    for (int round = 0; round < 300; round++) {
      TreeSet<String> ids = new TreeSet<>();
      int n = 1 + random.nextInt(40);
      while (ids.size() < n) {
        StringBuilder id = new StringBuilder();
        int len = 1 + random.nextInt(4);
        for (int i = 0; i < len; i++) {
          id.append(PIECES[random.nextInt(PIECES.length)]);
        }
        ids.add(id.toString());
      }
      List<String> expected = new ArrayList<>(ids);
      assertEquals(expected, reorder(inNameOrder(ids, String::compareTo)), "UTF-16 name order");
      assertEquals(
          expected, reorder(inNameOrder(ids, IdOrder::compareCodePoints)), "code point name order");
      // A listing of a prefix holds only ids that start with it.
      String prefix = ids.first().substring(0, 1);
      TreeSet<String> under = new TreeSet<>(ids.subSet(prefix, prefix + Character.MAX_VALUE));
      under.removeIf(id -> !id.startsWith(prefix));
      assertEquals(
          new ArrayList<>(under),
          reorder(inNameOrder(under, String::compareTo), prefix),
          "UTF-16 name order under " + prefix);
      assertEquals(
          new ArrayList<>(under),
          reorder(inNameOrder(under, IdOrder::compareCodePoints), prefix),
          "code point name order under " + prefix);
    }
  }

  @Test
  void idsBelowAPrefixAreNotHeldBackForIdsOutsideIt() {
    List<String> pulled = new ArrayList<>();
    Iterator<ListedState> source =
        List.of("dev:tap-1", "dev:tap-2", "dev:tap-3").stream()
            .map(id -> new ListedState(id, null))
            .peek(s -> pulled.add(s.stateId()))
            .iterator();
    IdOrder order = new IdOrder(source, "dev:tap-");
    assertEquals("dev:tap-1", order.next().stateId());
    assertEquals(List.of("dev:tap-1"), pulled, "nothing outside dev:tap- can sort before it");
  }

  @Test
  void plainIdsPassStraightThrough() {
    List<String> pulled = new ArrayList<>();
    Iterator<ListedState> source =
        List.of("a", "b", "c", "d").stream()
            .map(id -> new ListedState(id, null))
            .peek(s -> pulled.add(s.stateId()))
            .iterator();
    IdOrder order = new IdOrder(source, "");
    assertEquals("a", order.next().stateId());
    assertEquals(List.of("a"), pulled, "the first id is emitted without reading ahead");
    assertEquals("b", order.next().stateId());
    assertEquals(List.of("a", "b"), pulled);
  }
}
