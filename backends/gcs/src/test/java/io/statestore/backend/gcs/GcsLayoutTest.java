package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateLock;
import io.statestore.core.StateStore;
import io.statestore.core.StoreOptions;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The objects in the bucket are Meltano's: {@code <prefix>/<state_id>/state.json} holding the
 * document as Meltano writes it and {@code <prefix>/<state_id>/lock} holding epoch seconds, and
 * states Meltano wrote are read and listed.
 */
class GcsLayoutTest {
  private static final String MELTANO_DOC =
      "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key_value\":"
          + " \"2024-05-01\"}}}}, \"partial\": {}}";

  private final FakeGcsServer server = GcsTestStores.server();
  private String bucket;
  private StateStore store;

  @BeforeEach
  void open() {
    bucket = server.newBucket("layout");
    store =
        new StateStore(
            GcsTestStores.open(bucket, "/meltano/state/", GcsClientOptions.defaults()),
            StoreOptions.defaults());
  }

  @AfterEach
  void close() {
    store.close();
    server.deleteBucket(bucket);
  }

  @Test
  void statesAndLocksAreWhereMeltanoKeepsThem() {
    store.upsert("dev:tap-github-to-target-postgres", "{\"completed\": {}}", Deadline.none());
    String key = "meltano/state/dev:tap-github-to-target-postgres/";
    try (StateLock lock = store.lock("dev:tap-github-to-target-postgres", Deadline.none())) {
      assertEquals(List.of(key + "lock", key + "state.json"), server.objectNames(bucket));
      String lockText =
          new String(server.content(bucket, key + "lock").orElseThrow(), StandardCharsets.US_ASCII);
      assertTrue(lockText.matches("\\d{10}\\.\\d{1,6}"), lockText);
    }
    assertEquals(List.of(key + "state.json"), server.objectNames(bucket));
    assertArrayEquals(
        "{\"completed\": {}, \"partial\": {}}".getBytes(StandardCharsets.UTF_8),
        server.content(bucket, key + "state.json").orElseThrow());
    assertEquals("application/json", server.contentType(bucket, key + "state.json").orElseThrow());
  }

  @Test
  void aStateMeltanoWroteIsReadByteForByteAndListed() {
    byte[] doc = MELTANO_DOC.getBytes(StandardCharsets.UTF_8);
    server.putObject(bucket, "meltano/state/prod:tap-x-to-target-y/state.json", doc, "text/plain");
    assertArrayEquals(doc, store.get("prod:tap-x-to-target-y").orElseThrow().body());
    try (var ids = store.backend().list(ObjectKind.STATE, "prod:")) {
      assertEquals(List.of("prod:tap-x-to-target-y"), ids.map(ListedState::stateId).toList());
    }
  }
}
