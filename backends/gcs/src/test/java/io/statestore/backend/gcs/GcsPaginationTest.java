package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.testkit.PagedListingContract;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PagedListingContract} on the Cloud Storage fake, and what is particular to its listing:
 * objects outside Meltano's layout are ignored and the update time comes with the listing.
 */
class GcsPaginationTest implements PagedListingContract {
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

  @Override
  public ObjectStoreBackend backend() {
    return backend;
  }

  @Override
  public void resetListRequests() {
    server.resetCounts();
  }

  @Override
  public int listRequests() {
    return server.listRequests();
  }

  private List<String> ids(ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend.list(kind, prefix)) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }
}
