package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Listings over many small pages: every id once, in id order (also where object name order
 * differs), locks and states told apart across page boundaries, objects outside Meltano's layout
 * ignored, and pages fetched only as consumed.
 */
class GcsPaginationTest {
  private static final int PAGE = 7;
  private static final byte[] BODY =
      "{\"completed\": {}, \"partial\": {}}".getBytes(StandardCharsets.UTF_8);

  private final FakeGcsServer server = GcsTestStores.server();
  private String bucket;
  private ObjectStoreBackend backend;

  @BeforeEach
  void open() {
    bucket = server.newBucket("pages");
    backend = GcsTestStores.open(bucket, "state", GcsClientOptions.defaults().withPageSize(PAGE));
  }

  @AfterEach
  void close() {
    backend.close();
    server.deleteBucket(bucket);
  }

  private List<String> ids(ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend.list(kind, prefix)) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }

  @Test
  void manyPagesListEveryIdOnceInIdOrder() {
    List<String> states = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      states.add(String.format("p-%02d", i));
    }
    // Ids whose object names sort differently from the ids themselves.
    states.addAll(List.of("t", "t x", "t!x", "t-x", "t.x", "tz", "u\uE000", "u😀", "u\uFFFD", "ü"));
    List<String> locks = new ArrayList<>();
    for (String id : states) {
      backend.write(id, ObjectKind.STATE, BODY, Precondition.absent());
      if (id.hashCode() % 3 == 0) {
        backend.write(
            id, ObjectKind.LOCK, "1.0".getBytes(StandardCharsets.US_ASCII), Precondition.none());
        locks.add(id);
      }
    }
    backend.write(
        "lock-only",
        ObjectKind.LOCK,
        "1.0".getBytes(StandardCharsets.US_ASCII),
        Precondition.none());
    locks.add("lock-only");
    List<String> expectedStates = states.stream().sorted().collect(Collectors.toList());
    List<String> expectedLocks = locks.stream().sorted().collect(Collectors.toList());
    int objects = states.size() + locks.size();

    server.resetCounts();
    assertEquals(expectedStates, ids(ObjectKind.STATE, ""));
    int pages = server.listRequests();
    assertTrue(
        pages >= (objects + PAGE - 1) / PAGE,
        objects + " objects in pages of " + PAGE + ": " + pages);

    assertEquals(expectedLocks, ids(ObjectKind.LOCK, ""));
    assertEquals(List.of("t", "t x", "t!x", "t-x", "t.x", "tz"), ids(ObjectKind.STATE, "t"));
    assertEquals(
        expectedStates.stream().filter(id -> id.startsWith("p-1")).collect(Collectors.toList()),
        ids(ObjectKind.STATE, "p-1"));
    assertEquals(List.of(), ids(ObjectKind.STATE, "nothing"));
  }

  @Test
  void objectsOutsideTheLayoutAreIgnored() {
    backend.write("kept", ObjectKind.STATE, BODY, Precondition.none());
    try (ObjectStoreBackend root = GcsTestStores.open(bucket, "", GcsClientOptions.defaults())) {
      // Deeper names, other file names and names beside the prefix are not states.
      root.write("state/kept/extra", ObjectKind.STATE, BODY, Precondition.none());
      root.write("statex", ObjectKind.STATE, BODY, Precondition.none());
      root.write("other", ObjectKind.STATE, BODY, Precondition.none());
    }
    assertEquals(
        List.of(
            "other/state.json",
            "state/kept/extra/state.json",
            "state/kept/state.json",
            "statex/state.json"),
        server.objectNames(bucket));
    assertEquals(List.of("kept"), ids(ObjectKind.STATE, ""));
  }

  @Test
  void pagesAreFetchedOnlyAsTheStreamIsConsumed() {
    for (int i = 0; i < 5 * PAGE; i++) {
      backend.write(String.format("lazy-%03d", i), ObjectKind.STATE, BODY, Precondition.none());
    }
    server.resetCounts();
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "lazy-")) {
      assertEquals(0, server.listRequests(), "nothing is requested before the stream is consumed");
      assertEquals(
          List.of("lazy-000", "lazy-001", "lazy-002"),
          s.limit(3).map(ListedState::stateId).collect(Collectors.toList()));
    }
    assertEquals(1, server.listRequests(), "one page for the first three ids");
  }

  @Test
  void listingCarriesTheUpdateTimeWithoutReadingBodies() {
    backend.write("timed", ObjectKind.STATE, BODY, Precondition.none());
    server.resetCounts();
    List<ListedState> listed;
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "")) {
      listed = s.collect(Collectors.toList());
    }
    assertEquals(1, listed.size());
    assertEquals(
        backend.read("timed", ObjectKind.STATE).orElseThrow().lastModified(),
        listed.get(0).lastModified());
    assertEquals(1, server.listRequests());
  }
}
