package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Listing: every state under a prefix, in id order, lazily, without the locks that stand alone;
 * what one client wrote another lists.
 */
public interface ListingContract extends ContractFixture {
  @Test
  default void aSecondClientListsWhatTheFirstWrote() {
    for (String id : List.of("dev:b", "dev:a", "prod:c")) {
      backend().write(id, ObjectKind.STATE, Contracts.docBytes(id), Precondition.none());
    }
    assertEquals(List.of("dev:a", "dev:b"), Contracts.ids(second(), ObjectKind.STATE, "dev:"));
    assertEquals(
        List.of("dev:a", "dev:b", "prod:c"), Contracts.ids(second(), ObjectKind.STATE, ""));
  }

  @Test
  default void listingWithAndWithoutPrefixAcrossManyStates() {
    int n = listingStates();
    byte[] body = Contracts.docBytes("x");
    IntStream.range(0, n)
        .parallel()
        .forEach(
            i -> {
              String env = i % 2 == 0 ? "dev" : "prod";
              backend()
                  .write(
                      String.format("%s:tap-%05d", env, i),
                      ObjectKind.STATE,
                      body,
                      Precondition.none());
            });
    backend().write("lock-only", ObjectKind.LOCK, Contracts.utf8("1.0"), Precondition.none());

    List<String> all = ids(ObjectKind.STATE, "");
    assertEquals(n, all.size());
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(null);
    assertEquals(sorted, all, "listing is in id order");
    assertFalse(all.contains("lock-only"), "a lock alone is not a state");

    List<String> dev = ids(ObjectKind.STATE, "dev:");
    assertEquals((n + 1) / 2, dev.size());
    assertTrue(dev.stream().allMatch(s -> s.startsWith("dev:")));
    assertEquals(
        10,
        ids(ObjectKind.STATE, "prod:tap-0000").size()
            + ids(ObjectKind.STATE, "dev:tap-0000").size());
    assertEquals(List.of(), ids(ObjectKind.STATE, "nomatch"));
    assertEquals(List.of("lock-only"), ids(ObjectKind.LOCK, ""));
  }

  @Test
  default void listingIsLazy() {
    for (int i = 0; i < 20; i++) {
      backend().write("lazy-" + i, ObjectKind.STATE, Contracts.docBytes("x"), Precondition.none());
    }
    try (Stream<ListedState> s = backend().list(ObjectKind.STATE, "lazy-")) {
      assertEquals(3, s.limit(3).count());
    }
  }
}
