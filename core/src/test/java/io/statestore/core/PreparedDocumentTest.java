package io.statestore.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.memory.MemoryBackend;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * What the SQL layer needs from the store without reaching past it: a document checked and rendered
 * once ({@link StateStore#prepare}), writes that take it, and {@link StateStore#exists}.
 */
class PreparedDocumentTest {
  private final MemoryBackend backend = new MemoryBackend("memory", java.time.Clock.systemUTC());
  private final StateStore store = new StateStore(backend, StoreOptions.defaults());

  @Test
  void aPreparedDocumentIsMeltanosRenderingOfTheBody() {
    PreparedDocument doc = store.prepare("dev:a", "{\"completed\":{\"n\":1}}", Deadline.none());
    assertEquals("dev:a", doc.stateId());
    assertEquals("{\"completed\": {\"n\": 1}, \"partial\": {}}", doc.text());
    assertEquals(doc.text().getBytes(StandardCharsets.UTF_8).length, doc.length());
  }

  @Test
  void preparingRefusesWhatAWriteWouldRefuse() {
    StateStoreException bad =
        assertThrows(
            StateStoreException.class, () -> store.prepare("dev:a", "{\"completed\":", null));
    assertEquals(ErrorKind.INVALID_DOCUMENT, bad.kind());
    StateStoreException badId =
        assertThrows(StateStoreException.class, () -> store.prepare("", "{}", Deadline.none()));
    assertEquals(ErrorKind.INVALID_INPUT, badId.kind());
  }

  @Test
  void writesTakeAPreparedDocumentAsIs() {
    PreparedDocument first = store.prepare("dev:a", "{\"completed\":{\"n\":1}}", Deadline.none());
    store.insert(first, Deadline.none());
    assertEquals(first.text(), store.get("dev:a").orElseThrow().bodyText());
    StateStoreException twice =
        assertThrows(StateStoreException.class, () -> store.insert(first, Deadline.none()));
    assertEquals(ErrorKind.ALREADY_EXISTS, twice.kind());

    PreparedDocument next = store.prepare("dev:a", "{\"completed\":{\"n\":2}}", Deadline.none());
    store.replaceIfBody(next, first.text().getBytes(StandardCharsets.UTF_8), Deadline.none());
    assertEquals(next.text(), store.get("dev:a").orElseThrow().bodyText());
    StateStoreException stale =
        assertThrows(
            StateStoreException.class,
            () ->
                store.replaceIfBody(
                    first, first.text().getBytes(StandardCharsets.UTF_8), Deadline.none()));
    assertEquals(ErrorKind.CONFLICT, stale.kind());
    assertFalse(backend.read("dev:a", ObjectKind.LOCK).isPresent(), "every lock released");
  }

  @Test
  void existsSeesAnyStoredStateAndCreatesNothing() {
    assertFalse(store.exists("dev:none", Deadline.none()));
    Version v =
        backend.write(
            "dev:damaged",
            ObjectKind.STATE,
            "{\"completed\": {".getBytes(StandardCharsets.UTF_8),
            Precondition.absent());
    assertTrue(v != null);
    assertTrue(store.exists("dev:damaged", Deadline.none()), "a damaged state exists too");
    assertFalse(backend.read("dev:none", ObjectKind.STATE).isPresent());
    assertFalse(backend.read("dev:none", ObjectKind.LOCK).isPresent());
  }
}
