package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateRecord;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Storage: what is written is read back byte for byte with its version, by this client and by a
 * second one over the same store; states and locks are separate objects; ids of many shapes and
 * bodies of many sizes round-trip.
 */
public interface StorageContract extends ContractFixture {
  @Test
  default void aSecondClientReadsWhatTheFirstWrote() {
    byte[] body = Contracts.docBytes("shared");
    Version v = backend().write("dev:shared", ObjectKind.STATE, body, Precondition.none());
    StoredObject seen = second().read("dev:shared", ObjectKind.STATE).orElseThrow();
    assertArrayEquals(body, seen.content());
    assertEquals(v, seen.version(), "both clients see the same version");
    assertTrue(second().delete("dev:shared", ObjectKind.STATE, Precondition.matches(v)));
    assertTrue(backend().read("dev:shared", ObjectKind.STATE).isEmpty());
  }

  @Test
  default void readOfMissingIsEmpty() {
    assertTrue(backend().read("nothing-here", ObjectKind.STATE).isEmpty());
    assertTrue(backend().read("nothing-here", ObjectKind.LOCK).isEmpty());
  }

  @Test
  default void writeThenReadRoundTrips() {
    byte[] body = Contracts.docBytes("2024-01-01");
    Version v =
        backend().write("dev:tap-a-to-target-b", ObjectKind.STATE, body, Precondition.none());
    StoredObject o = backend().read("dev:tap-a-to-target-b", ObjectKind.STATE).orElseThrow();
    assertArrayEquals(body, o.content());
    assertEquals(v, o.version());
    if (o.lastModified() != null) {
      Duration age = Duration.between(o.lastModified(), Instant.now()).abs();
      assertTrue(age.compareTo(Duration.ofMinutes(5)) < 0, "lastModified is now-ish: " + age);
    }
  }

  @Test
  default void overwriteChangesVersion() {
    Version v1 =
        backend().write("s", ObjectKind.STATE, Contracts.docBytes("1"), Precondition.none());
    Version v2 =
        backend().write("s", ObjectKind.STATE, Contracts.docBytes("2"), Precondition.none());
    assertNotEquals(v1, v2);
    assertArrayEquals(
        Contracts.docBytes("2"), backend().read("s", ObjectKind.STATE).orElseThrow().content());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "dev:tap-github-to-target-postgres",
        "a-b.c@d e",
        "with space",
        "ümlaut-日本語-😀",
        "x",
        "prod:tap_x-to-target_y:2024.01.01@run",
        "dots.in.the.middle"
      })
  default void idsOfManyShapesRoundTrip(String id) {
    String body = Contracts.doc("v-" + id);
    store().upsert(id, body, Deadline.none());
    StateRecord r = store().get(id).orElseThrow();
    assertEquals(id, r.stateId());
    assertTrue(r.bodyText().contains("\\u") || id.chars().allMatch(c -> c < 128));
    assertEquals(List.of(id), ids(ObjectKind.STATE, id));
    assertTrue(store().delete(id, null, Deadline.none()));
    assertTrue(store().get(id).isEmpty());
  }

  @Test
  default void unicodeBodyRoundTripsInMeltanoRendering() {
    store().upsert("u", "{\"completed\":{\"name\":\"Zoë – 日本 😀\"}}", Deadline.none());
    assertEquals(
        "{\"completed\": {\"name\": \"Zo\\u00eb \\u2013 \\u65e5\\u672c \\ud83d\\ude00\"},"
            + " \"partial\": {}}",
        store().get("u").orElseThrow().bodyText());
  }

  @Test
  default void tenMegabyteBodyRoundTrips() {
    StringBuilder sb = new StringBuilder(10_500_000).append("{\"completed\": {\"blob\": \"");
    while (sb.length() < 10 * 1024 * 1024) {
      sb.append("0123456789abcdefghijklmnopqrstuvwxyz");
    }
    String body = sb.append("\"}, \"partial\": {}}").toString();
    store().upsert("big", body, Deadline.none());
    assertArrayEquals(Contracts.utf8(body), store().get("big").orElseThrow().body());
  }

  @Test
  default void arbitraryBytesAreStoredVerbatim() {
    if (!bytesVerbatim()) {
      return;
    }
    byte[] raw = new byte[4096];
    for (int i = 0; i < raw.length; i++) {
      raw[i] = (byte) (i * 31);
    }
    backend().write("raw", ObjectKind.STATE, raw, Precondition.none());
    assertArrayEquals(raw, backend().read("raw", ObjectKind.STATE).orElseThrow().content());
  }

  @Test
  default void stateAndLockAreIndependentObjects() {
    backend().write("both", ObjectKind.STATE, Contracts.docBytes("1"), Precondition.none());
    backend()
        .write("both", ObjectKind.LOCK, Contracts.utf8("1723058800.123456"), Precondition.absent());
    assertTrue(backend().delete("both", ObjectKind.LOCK, Precondition.none()));
    assertTrue(backend().read("both", ObjectKind.STATE).isPresent());
    assertTrue(backend().read("both", ObjectKind.LOCK).isEmpty());
  }
}
