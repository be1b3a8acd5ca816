package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The fake server's own behaviour where the backend does not exercise it (delimited listings,
 * offsets, other preconditions), seen through the SDK, so that other modules may rely on it.
 */
class FakeGcsServerTest {
  private final FakeGcsServer server = GcsTestStores.server();
  private String bucket;
  private Storage storage;

  @BeforeEach
  void open() {
    bucket = server.newBucket("fake");
    storage =
        GcsClients.build(
            GcsCredentials.resolve(
                GcsTestStores.settings(
                    Map.of(GcsSettings.ENDPOINT.key(), server.endpoint()), Map.of()),
                GcsTestStores.noAdc()),
            Optional.of(server.endpoint()),
            Optional.of("test"),
            GcsClientOptions.defaults());
    for (String name : List.of("a/1", "a/2", "b/1", "c", "d/x/y", "e")) {
      storage.create(
          BlobInfo.newBuilder(bucket, name).build(), name.getBytes(StandardCharsets.UTF_8));
    }
  }

  @AfterEach
  void close() throws Exception {
    storage.close();
    server.deleteBucket(bucket);
  }

  private List<String> names(BlobListOption... options) {
    List<String> out = new ArrayList<>();
    for (Blob b : storage.list(bucket, options).iterateAll()) {
      out.add(b.getName());
    }
    return out;
  }

  @Test
  void delimitedListingsGroupFoldersAcrossPages() {
    server.resetCounts();
    List<String> top = names(BlobListOption.delimiter("/"), BlobListOption.pageSize(2));
    assertEquals(List.of("a/", "b/", "c", "d/", "e"), top.stream().sorted().toList());
    assertEquals(3, server.listRequests(), "5 entries in pages of 2");
    assertEquals(
        List.of("a/1", "a/2"), names(BlobListOption.prefix("a/"), BlobListOption.delimiter("/")));
    assertEquals(
        List.of("d/x/"), names(BlobListOption.prefix("d/"), BlobListOption.delimiter("/")));
  }

  @Test
  void offsetsBoundAFlatListing() {
    assertEquals(
        List.of("b/1", "c", "d/x/y"),
        names(BlobListOption.startOffset("b"), BlobListOption.endOffset("e")));
  }

  @Test
  void generationNotMatchAndMetagenerationPreconditionsHold() {
    Blob c = storage.get(BlobId.of(bucket, "c"));
    BlobInfo info = BlobInfo.newBuilder(bucket, "c").build();
    byte[] body = "new".getBytes(StandardCharsets.UTF_8);
    StorageException e =
        assertThrows(
            StorageException.class,
            () ->
                storage.create(
                    info, body, Storage.BlobTargetOption.generationNotMatch(c.getGeneration())));
    assertEquals(412, e.getCode());
    assertEquals(
        412,
        assertThrows(
                StorageException.class,
                () -> storage.create(info, body, Storage.BlobTargetOption.metagenerationMatch(2)))
            .getCode());
    storage.create(info, body, Storage.BlobTargetOption.metagenerationMatch(1));
    assertNull(
        storage.get(BlobId.of(bucket, "c", c.getGeneration())), "the old generation is gone");
  }
}
