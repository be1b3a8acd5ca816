package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Listings of a store that answers in pages, over many small pages: every id once and in id order,
 * also where the store's own name order differs from the ids'; locks and states told apart across
 * page boundaries; pages requested only as the listing is consumed.
 *
 * <p>A binding opens {@link #backend()} on an empty store with pages of {@link #PAGE} names and
 * counts the store's listing requests.
 */
public interface PagedListingContract {
  /** Names per page the binding's backend asks for. */
  int PAGE = 7;

  /** A backend on an empty store, listing {@link #PAGE} names a page. */
  StateBackend backend();

  /** Starts counting the store's listing requests from zero. */
  void resetListRequests();

  /** The listing requests the store answered since the last reset. */
  int listRequests();

  private List<String> ids(ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend().list(kind, prefix)) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }

  private static byte[] stamp() {
    return "1.0".getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  default void manyPagesListEveryIdOnceInIdOrder() {
    List<String> states = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      states.add(String.format("p-%02d", i));
    }
    // Ids whose stored names sort differently from the ids themselves.
    states.addAll(List.of("t", "t x", "t!x", "t-x", "t.x", "tz", "u\uE000", "u😀", "u\uFFFD", "ü"));
    List<String> locks = new ArrayList<>();
    for (String id : states) {
      backend().write(id, ObjectKind.STATE, Contracts.docBytes(id), Precondition.absent());
      if (id.hashCode() % 3 == 0) {
        backend().write(id, ObjectKind.LOCK, stamp(), Precondition.none());
        locks.add(id);
      }
    }
    backend().write("lock-only", ObjectKind.LOCK, stamp(), Precondition.none());
    locks.add("lock-only");
    List<String> expectedStates = states.stream().sorted().collect(Collectors.toList());
    List<String> expectedLocks = locks.stream().sorted().collect(Collectors.toList());
    int names = states.size() + locks.size();

    resetListRequests();
    assertEquals(expectedStates, ids(ObjectKind.STATE, ""));
    int pages = listRequests();
    assertTrue(
        pages >= (names + PAGE - 1) / PAGE, names + " names in pages of " + PAGE + ": " + pages);

    assertEquals(expectedLocks, ids(ObjectKind.LOCK, ""));
    assertEquals(List.of("t", "t x", "t!x", "t-x", "t.x", "tz"), ids(ObjectKind.STATE, "t"));
    assertEquals(
        expectedStates.stream().filter(id -> id.startsWith("p-1")).collect(Collectors.toList()),
        ids(ObjectKind.STATE, "p-1"));
    assertEquals(List.of(), ids(ObjectKind.STATE, "nothing"));
  }

  @Test
  default void pagesAreFetchedOnlyAsTheStreamIsConsumed() {
    for (int i = 0; i < 5 * PAGE; i++) {
      String id = String.format("lazy-%03d", i);
      backend().write(id, ObjectKind.STATE, Contracts.docBytes(id), Precondition.none());
    }
    resetListRequests();
    try (Stream<ListedState> s = backend().list(ObjectKind.STATE, "lazy-")) {
      assertEquals(0, listRequests(), "nothing is requested before the stream is consumed");
      assertEquals(
          List.of("lazy-000", "lazy-001", "lazy-002"),
          s.limit(3).map(ListedState::stateId).collect(Collectors.toList()));
    }
    assertEquals(1, listRequests(), "one page for the first three ids");
  }
}
