package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.util.BinaryData;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobItem;
import io.statestore.core.Deadline;
import io.statestore.core.StateLock;
import io.statestore.core.StateStore;
import io.statestore.core.StoreOptions;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The exact blob names and headers statestore writes, and blobs Meltano wrote read back. */
@ExtendWith(AzuriteExtension.class)
class AzureLayoutTest {
  private static final String DOC = "{\"completed\": {\"singer_state\": {}}, \"partial\": {}}";

  private final AzuriteServer azurite;
  private String container;

  AzureLayoutTest(AzuriteServer azurite) {
    this.azurite = azurite;
  }

  @BeforeEach
  void createContainer() {
    container = azurite.createContainer("layout");
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
  }

  private StateStore store(String prefix) {
    return new StateStore(
        AzureTestStores.open(azurite, container, prefix, AzureClientOptions.defaults()),
        StoreOptions.defaults());
  }

  private List<String> blobNames() {
    return azurite.container(container).listBlobs().stream()
        .map(BlobItem::getName)
        .collect(Collectors.toList());
  }

  @Test
  void stateAndLockBlobsAreNamedAsMeltanoNamesThem() {
    try (StateStore store = store("/meltano/state/")) {
      assertEquals("azure://" + container + "/meltano/state", store.describe());
      store.upsert("dev:tap-github-to-target-postgres", DOC, Deadline.none());
      assertEquals(
          List.of("meltano/state/dev:tap-github-to-target-postgres/state.json"), blobNames());

      BlobContainerClient blobs = azurite.container(container);
      var state = blobs.getBlobClient("meltano/state/dev:tap-github-to-target-postgres/state.json");
      assertEquals("application/json", state.getProperties().getContentType());
      assertArrayEquals(DOC.getBytes(StandardCharsets.UTF_8), state.downloadContent().toBytes());

      try (StateLock lock = store.lock("dev:tap-github-to-target-postgres", Deadline.none())) {
        var lockBlob = blobs.getBlobClient("meltano/state/dev:tap-github-to-target-postgres/lock");
        assertTrue(lockBlob.exists(), "lock blob while the lock is held: " + blobNames());
        assertEquals("dev:tap-github-to-target-postgres", lock.stateId());
        assertEquals("application/json", lockBlob.getProperties().getContentType());
        assertTrue(
            lockBlob.downloadContent().toString().matches("\\d{10}\\.\\d{1,6}"),
            "Meltano's lock: epoch seconds");
      }
      assertEquals(
          List.of("meltano/state/dev:tap-github-to-target-postgres/state.json"), blobNames());
    }
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "a?b", "a#b", "a%20b", "a%2Fb", "a+b", "a&b=c", "a;b", "x.", "a~b", "[a]", "a'b\"c"
      })
  void idsWithUrlCharactersKeepTheirExactBlobName(String id) {
    try (StateStore store = store("p")) {
      store.upsert(id, DOC, Deadline.none());
      assertEquals(List.of("p/" + id + "/state.json"), blobNames());
      assertEquals(DOC, store.get(id).orElseThrow().bodyText());
      try (Stream<ListedState> s = store.list("")) {
        assertEquals(List.of(id), s.map(ListedState::stateId).collect(Collectors.toList()));
      }
      assertTrue(store.delete(id, null, Deadline.none()));
      assertEquals(List.of(), blobNames());
    }
  }

  @Test
  void withoutPrefixBlobsLieAtTheContainerRoot() {
    try (StateStore store = store("")) {
      assertEquals("azure://" + container, store.describe());
      store.upsert("x", DOC, Deadline.none());
      assertEquals(List.of("x/state.json"), blobNames());
    }
  }

  @Test
  void blobsWrittenByMeltanoAreReadAndForeignBlobsIgnored() {
    BlobContainerClient blobs = azurite.container(container);
    // As Meltano's smart_open writer leaves them: no content type of ours, no conditions.
    blobs
        .getBlobClient("meltano/state/dev:tap-a-to-target-b/state.json")
        .upload(BinaryData.fromString(DOC));
    blobs
        .getBlobClient("meltano/state/dev:tap-a-to-target-b/lock")
        .upload(BinaryData.fromString("1723058800.123456"));
    for (String foreign :
        List.of(
            "meltano/state/README.txt",
            "meltano/state/deeper/dir/state.json",
            "meltano/state/state.json",
            "meltano/statex/y/state.json",
            "other/dev:z/state.json",
            "dev:root/state.json")) {
      blobs.getBlobClient(foreign).upload(BinaryData.fromString(DOC));
    }
    try (StateStore store = store("meltano/state")) {
      assertEquals(DOC, store.get("dev:tap-a-to-target-b").orElseThrow().bodyText());
      try (Stream<ListedState> s = store.backend().list(ObjectKind.STATE, "")) {
        assertEquals(
            List.of("dev:tap-a-to-target-b"),
            s.map(ListedState::stateId).collect(Collectors.toList()));
      }
      try (Stream<ListedState> s = store.backend().list(ObjectKind.LOCK, "dev:")) {
        List<ListedState> locks = s.collect(Collectors.toList());
        assertEquals(1, locks.size());
        assertTrue(locks.get(0).lastModified() != null, "listing gives lastModified");
      }
      assertTrue(store.forceUnlock("dev:tap-a-to-target-b"));
      assertTrue(store.delete("dev:tap-a-to-target-b", null, Deadline.none()));
    }
    assertEquals(6, blobNames().size(), "only the state's own blobs were removed: " + blobNames());
  }
}
