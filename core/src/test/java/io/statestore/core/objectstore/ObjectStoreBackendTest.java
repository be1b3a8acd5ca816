package io.statestore.core.objectstore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.FakeObjectStoreClient.Op;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The object-store base over a fake client that loses answers, answers without versions, meets
 * replaced versions and concurrent requests: what every cloud's backend relies on.
 */
class ObjectStoreBackendTest {
  private static final byte[] MINE = "1723058800.123456".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] THEIRS = "1723058801.654321".getBytes(StandardCharsets.US_ASCII);
  private static final String LOCK_KEY = "p/a/lock";

  private final FakeObjectStoreClient client = new FakeObjectStoreClient();
  private final ObjectStoreBackend backend = backend(client, 2);

  static ObjectStoreBackend backend(ObjectStoreClient client, int pageSize) {
    ObjectStoreLocation location = ObjectStoreLocation.of("fake", "bucket", "p");
    ObjectStoreErrors errors =
        new ObjectStoreErrors(
            new ObjectStoreErrors.Naming("Fake", location, "bucket", "http://fake", "x", "y", "z"),
            ObjectStoreErrorsTest.READER);
    return new ObjectStoreBackend(
        client, errors, location, location.layout().idRule("fake", 1024, true), pageSize);
  }

  private static ErrorKind kind(Runnable r) {
    return assertThrows(StateStoreException.class, r::run).kind();
  }

  private Version stored() {
    return new Version(client.objects.get(LOCK_KEY).version());
  }

  // ------------------------------------------------------------ answers lost, request sent again

  @Test
  void aCreateWhoseAnswerWasLostIsOurs() {
    client.loseAnswers(1);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(stored(), v);
  }

  @Test
  void aCompareAndSetWhoseAnswerWasLostIsOurs() {
    Version old = backend.write("a", ObjectKind.LOCK, THEIRS, Precondition.none());
    client.loseAnswers(1);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.matches(old));
    assertEquals(stored(), v);
    assertArrayEquals(MINE, backend.read("a", ObjectKind.LOCK).orElseThrow().content());
  }

  @Test
  void anotherWritersObjectIsStillRefusedAfterARetry() {
    client.writeAsAnotherWriter(LOCK_KEY, THEIRS);
    client.refuseAsRetried(1);
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kind(() -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent())));
    assertArrayEquals(THEIRS, client.objects.get(LOCK_KEY).content());
  }

  @Test
  void whereTheStoreKeepsWriteIdsAnotherWritersIdenticalBytesAreNotOurs() {
    client.keepsWriteIds = true;
    client.writeAsAnotherWriter(LOCK_KEY, MINE);
    client.refuseAsRetried(1);
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kind(() -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent())));
    client.loseAnswers(1);
    client.objects.clear();
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(stored(), v, "its own write is recognised by its id");
  }

  @Test
  void aConditionalDeleteWhoseAnswerWasLostDeleted() {
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.none());
    client.loseAnswers(1);
    assertTrue(backend.delete("a", ObjectKind.LOCK, Precondition.matches(v)));
    assertTrue(client.objects.isEmpty());
    assertEquals(
        ErrorKind.CONFLICT,
        kind(() -> backend.delete("a", ObjectKind.LOCK, Precondition.matches(v))),
        "without a retry, a vanished object is a conflict");
    assertFalse(backend.delete("a", ObjectKind.LOCK, Precondition.none()));
  }

  // ------------------------------------------------------------ answers without a version

  @Test
  void aPutAnsweredWithoutAVersionIsConfirmedByTheStoresDigest() {
    client.noVersion(Op.PUT, 1);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(stored(), v);
    assertEquals(0, client.calls(Op.GET), "the digest sufficed: no body was read");
  }

  @Test
  void whereTheDigestIsNoMd5AVersionlessPutIsConfirmedByItsBytes() {
    client.md5IsNotTheContentsDigest = true;
    client.noVersion(Op.PUT, 1);
    client.noVersion(Op.HEAD, 2);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(stored(), v);
  }

  @Test
  void aLockReplacedRightAfterItsVersionlessCreateIsLostToThatWriter() {
    client.noVersion(Op.PUT, 1);
    client.afterNextPut(() -> client.writeAsAnotherWriter(LOCK_KEY, THEIRS));
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kind(() -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent())));
    assertArrayEquals(THEIRS, client.objects.get(LOCK_KEY).content());

    Version held = stored();
    client.noVersion(Op.PUT, 1);
    client.afterNextPut(() -> client.writeAsAnotherWriter(LOCK_KEY, THEIRS));
    assertEquals(
        ErrorKind.CONFLICT,
        kind(() -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.matches(held))),
        "a take-over that is not ours is lost, not claimed");
  }

  @Test
  void aLockRemovedRightAfterItsVersionlessCreateIsLostSoTheLockIsTriedAgain() {
    client.noVersion(Op.PUT, 1);
    client.afterNextPut(() -> client.objects.remove(LOCK_KEY));
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kind(() -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent())));
    assertEquals(Optional.empty(), backend.read("a", ObjectKind.LOCK));
  }

  @Test
  void aStoreThatNeverShowsVersionsIsUnsupportedAndLeavesNoLockBehind() {
    client.noVersion(Op.PUT, 1);
    client.noVersion(Op.HEAD, -1);
    client.noVersion(Op.GET, -1);
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent()));
    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
    assertTrue(e.getMessage().contains("no ETag"), e.getMessage());
    assertTrue(client.objects.isEmpty(), "the lock it could not confirm was removed");
  }

  @Test
  void aReadAnsweredWithoutAVersionIsMadeAgain() {
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.none());
    client.noVersion(Op.GET, 3);
    assertEquals(v, backend.read("a", ObjectKind.LOCK).orElseThrow().version());
    client.noVersion(Op.GET, -1);
    assertEquals(ErrorKind.UNSUPPORTED, kind(() -> backend.read("a", ObjectKind.LOCK)));
  }

  @Test
  void aReadThatMeetsAReplacedVersionIsMadeAgainAndGivesUpWithAConflict() {
    backend.write("a", ObjectKind.LOCK, MINE, Precondition.none());
    client.replaceWhileReading(3);
    assertArrayEquals(MINE, backend.read("a", ObjectKind.LOCK).orElseThrow().content());
    client.replaceWhileReading(100);
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> backend.read("a", ObjectKind.LOCK));
    assertEquals(ErrorKind.CONFLICT, e.kind());
    assertTrue(e.getMessage().contains("try again"), e.getMessage());
  }

  // ------------------------------------------------------------ concurrent requests, listing

  @Test
  void aConcurrentRequestRefusedByTheStoreIsAskedAgain() {
    client.busy(3);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(stored(), v);
    client.busy(3);
    assertTrue(backend.delete("a", ObjectKind.LOCK, Precondition.matches(v)));
    client.busy(100);
    assertEquals(
        ErrorKind.ALREADY_EXISTS,
        kind(() -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent())));
  }

  @Test
  void listingsAreInIdOrderAndReadPagesOnlyAsConsumed() {
    for (String id : List.of("dev:tap-x", "dev:tap", "dev:tap.b", "prod", "dev:a")) {
      backend.write(id, ObjectKind.STATE, MINE, Precondition.none());
    }
    backend.write("dev:a", ObjectKind.LOCK, MINE, Precondition.none());
    client.writeAsAnotherWriter("p/dev:deeper/folder/state.json", MINE);
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "dev:")) {
      assertTrue(client.listedTokens.isEmpty(), "nothing is listed before the stream is used");
      assertEquals(
          List.of("dev:a", "dev:tap", "dev:tap-x", "dev:tap.b"),
          s.map(ListedState::stateId).toList());
    }
    client.listedTokens.clear();
    try (Stream<ListedState> s = backend.list(ObjectKind.STATE, "")) {
      assertEquals("dev:a", s.findFirst().orElseThrow().stateId());
    }
    assertEquals(List.of("null"), client.listedTokens, "one page for the first id");
  }
}
