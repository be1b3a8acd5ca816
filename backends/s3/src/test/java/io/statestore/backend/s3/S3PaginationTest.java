package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.testkit.PagedListingContract;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PagedListingContract} on S3Proxy, counting the listing requests (GETs) that pass the
 * proxy, and listings where S3's key order differs from the ids' order.
 */
class S3PaginationTest extends ProxiedBucketTest implements PagedListingContract {
  private static final String DOC = "{\"completed\": {\"singer_state\": {}}, \"partial\": {}}";

  private ObjectStoreBackend backend;

  @BeforeEach
  void openPaged() {
    backend = server.open("s3://" + bucket + "/p", Map.of(), PAGE);
  }

  @AfterEach
  void closePaged() {
    if (backend != null) {
      backend.close();
    }
  }

  @Override
  protected void clearFaults(WriteSerializingProxy proxy) {
    proxy.resetCounts();
  }

  @Override
  public ObjectStoreBackend backend() {
    return backend;
  }

  @Override
  public void resetListRequests() {
    proxy.resetCounts();
  }

  @Override
  public int listRequests() {
    return proxy.requests("GET");
  }

  private static List<String> ids(ObjectStoreBackend backend, ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend.list(kind, prefix)) {
      return s.map(ListedState::stateId).toList();
    }
  }

  @Test
  void listingIsInIdOrderAcrossSmallPagesEvenWhereS3sKeyOrderDiffers() {
    List<String> ids =
        List.of(
            "dev",
            "dev:tap",
            "dev:tap-a",
            "dev:tap.b",
            "dev:tap b",
            "dev:tapx",
            "dev:tap-a-to-b",
            "dev:tap-a.c",
            "prod:x",
            "ümlaut",
            "x\uD83D\uDE00",
            "x\uFF01",
            "x");
    try (ObjectStoreBackend backend = server.open("s3://" + bucket + "/q", Map.of(), 3)) {
      for (String id : ids) {
        backend.write(
            id, ObjectKind.STATE, DOC.getBytes(StandardCharsets.UTF_8), Precondition.none());
      }
      assertEquals(new ArrayList<>(new TreeSet<>(ids)), ids(backend, ObjectKind.STATE, ""));
      assertEquals(
          List.of(
              "dev:tap",
              "dev:tap b",
              "dev:tap-a",
              "dev:tap-a-to-b",
              "dev:tap-a.c",
              "dev:tap.b",
              "dev:tapx"),
          ids(backend, ObjectKind.STATE, "dev:tap"));
      assertEquals(List.of(), ids(backend, ObjectKind.STATE, "dev:tap/"));
      try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "prod")) {
        ListedState only = s.findFirst().orElseThrow();
        assertEquals("prod:x", only.stateId());
        assertTrue(only.lastModified() != null, "lastModified comes with the listing");
      }
    }
  }
}
