package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Compare-and-set deletes against stores that honour {@code If-Match} on {@code DeleteObject} to
 * different degrees: as Amazon S3 (the test proxy answers a conditional delete of a missing key
 * with 404), as S3Proxy itself (204 for a missing key), and as a store without conditional deletes
 * (501). Each counts the requests that reach the store.
 */
class S3ConditionalDeleteTest extends ProxiedBucketTest {
  private static final byte[] ONE = "1723058800.5".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] TWO = "1723058801.5".getBytes(StandardCharsets.US_ASCII);

  @Override
  protected void clearFaults(WriteSerializingProxy proxy) {
    proxy.refuseConditionalDeletes(false);
    proxy.passConditionalDeletesOfMissingKeys(false);
  }

  private static S3ConditionalDeletes.Mode mode(ObjectStoreBackend backend) {
    return ((S3StoreClient) backend.client()).conditionalDeleteMode();
  }

  private static ErrorKind kind(Runnable r) {
    return assertThrows(StateStoreException.class, r::run).kind();
  }

  /** The first conditional delete, which learns what the store does. */
  private static void learn(ObjectStoreBackend backend) {
    Version v = backend.write("first", ObjectKind.LOCK, ONE, Precondition.absent());
    assertEquals(S3ConditionalDeletes.Mode.UNKNOWN, mode(backend));
    assertTrue(backend.delete("first", ObjectKind.LOCK, Precondition.matches(v)));
    assertTrue(backend.read("first", ObjectKind.LOCK).isEmpty());
  }

  /** Releases a fresh lock and returns the HEAD requests that took. */
  private int headsToRelease(ObjectStoreBackend backend) {
    Version v = backend.write("c", ObjectKind.LOCK, ONE, Precondition.absent());
    proxy.resetCounts();
    assertTrue(backend.delete("c", ObjectKind.LOCK, Precondition.matches(v)));
    assertEquals(1, proxy.requests("DELETE"), "one DELETE");
    return proxy.requests("HEAD");
  }

  /** A stale version and a vanished object are conflicts, and the object of another is kept. */
  private void conflictsAreKept(ObjectStoreBackend backend) {
    Version v1 = backend.write("c", ObjectKind.STATE, ONE, Precondition.none());
    Version v2 = backend.write("c", ObjectKind.STATE, TWO, Precondition.matches(v1));
    assertEquals(
        ErrorKind.CONFLICT,
        kind(() -> backend.delete("c", ObjectKind.STATE, Precondition.matches(v1))));
    assertEquals(v2, backend.read("c", ObjectKind.STATE).orElseThrow().version());
    admin.deleteObject(b -> b.bucket(bucket).key("c/state.json"));
    assertEquals(
        ErrorKind.CONFLICT,
        kind(() -> backend.delete("c", ObjectKind.STATE, Precondition.matches(v2))));
  }

  @Test
  void whereAMissingObjectIsRefusedAsOnAmazonS3AConditionalDeleteIsOneRequest() {
    Assumptions.assumeTrue(proxy.answersConditionalDeletesOfMissingKeys());
    try (ObjectStoreBackend backend = open()) {
      learn(backend);
      assertEquals(S3ConditionalDeletes.Mode.IF_MATCH, mode(backend));
      assertEquals(0, headsToRelease(backend), "no HEAD before a conditional delete");
      assertEquals(0, headsToRelease(backend), "no HEAD before a conditional delete");
      conflictsAreKept(backend);
    }
  }

  @Test
  void whereAMissingObjectIsAnsweredAsDeletedAsOnS3ProxyAHeadComesFirst() {
    proxy.passConditionalDeletesOfMissingKeys(true);
    try (ObjectStoreBackend backend = open()) {
      learn(backend);
      assertEquals(S3ConditionalDeletes.Mode.HEAD_THEN_IF_MATCH, mode(backend));
      assertEquals(1, headsToRelease(backend), "a HEAD finds a vanished object");
      conflictsAreKept(backend);
    }
  }

  @Test
  void whereConditionalDeletesAreRefusedTheETagIsComparedFirst() {
    proxy.refuseConditionalDeletes(true);
    try (ObjectStoreBackend backend = open()) {
      learn(backend);
      assertEquals(S3ConditionalDeletes.Mode.HEAD_THEN_PLAIN, mode(backend));
      assertEquals(1, headsToRelease(backend));
      conflictsAreKept(backend);
    }
  }
}
