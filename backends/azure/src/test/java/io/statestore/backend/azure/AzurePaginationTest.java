package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StoreLocation;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Listings over many small pages: every id once, in id order (also where blob name order differs),
 * locks and states told apart across page boundaries, and pages fetched only as consumed.
 */
@ExtendWith(AzuriteExtension.class)
class AzurePaginationTest {
  private static final int PAGE = 7;
  private static final byte[] BODY =
      "{\"completed\": {}, \"partial\": {}}".getBytes(StandardCharsets.UTF_8);

  private final AzuriteServer azurite;
  private final AtomicInteger listRequests = new AtomicInteger();
  private String container;
  private ObjectStoreBackend backend;

  AzurePaginationTest(AzuriteServer azurite) {
    this.azurite = azurite;
  }

  @BeforeEach
  void open() {
    container = azurite.createContainer("pages");
    BlobContainerClient client =
        new BlobContainerClientBuilder()
            .connectionString(azurite.connectionString())
            .containerName(container)
            .httpClient(new JavaNetHttpClient(Duration.ofSeconds(10), Duration.ofSeconds(60)))
            .addPolicy(
                new HttpPipelineSyncPolicy() {
                  @Override
                  protected void beforeSendingRequest(HttpPipelineCallContext context) {
                    String query = context.getHttpRequest().getUrl().getQuery();
                    if (query != null && query.contains("comp=list")) {
                      listRequests.incrementAndGet();
                    }
                  }
                })
            .buildClient();
    backend =
        AzureBackendProvider.backend(
            client,
            AzureBackendProvider.location(StoreLocation.parse("azure://" + container + "/state")),
            azurite.blobEndpoint(),
            "a test",
            PAGE);
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
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
    // Ids whose blob names sort differently from the ids themselves.
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
    int blobs = states.size() + locks.size();

    listRequests.set(0);
    assertEquals(expectedStates, ids(ObjectKind.STATE, ""));
    int pages = listRequests.get();
    assertTrue(
        pages >= (blobs + PAGE - 1) / PAGE, blobs + " blobs in pages of " + PAGE + ": " + pages);

    assertEquals(expectedLocks, ids(ObjectKind.LOCK, ""));
    assertEquals(List.of("t", "t x", "t!x", "t-x", "t.x", "tz"), ids(ObjectKind.STATE, "t"));
    assertEquals(
        expectedStates.stream().filter(id -> id.startsWith("p-1")).collect(Collectors.toList()),
        ids(ObjectKind.STATE, "p-1"));
    assertEquals(List.of(), ids(ObjectKind.STATE, "nothing"));
  }

  @Test
  void pagesAreFetchedOnlyAsTheStreamIsConsumed() {
    for (int i = 0; i < 5 * PAGE; i++) {
      backend.write(String.format("lazy-%03d", i), ObjectKind.STATE, BODY, Precondition.none());
    }
    listRequests.set(0);
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "lazy-")) {
      assertEquals(0, listRequests.get(), "nothing is requested before the stream is consumed");
      assertEquals(
          List.of("lazy-000", "lazy-001", "lazy-002"),
          s.limit(3).map(ListedState::stateId).collect(Collectors.toList()));
    }
    assertEquals(1, listRequests.get(), "one page for the first three ids");
  }
}
