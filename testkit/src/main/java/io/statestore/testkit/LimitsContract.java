package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Limits: the ids the backend declares it can hold ({@link StateBackend#idRule()}) are held, listed
 * and read back, the others are refused with the rule named; bodies that are not state documents
 * are refused; nothing is written when something is refused.
 */
public interface LimitsContract extends ContractFixture {
  @ParameterizedTest
  @ValueSource(strings = {"", "nul\u0000x", "lone\ud800surrogate"})
  default void idsNoStoreCanHoldAreRefusedAndNothingIsWritten(String id) {
    assertEquals(
        ErrorKind.INVALID_INPUT,
        Contracts.kindOf(() -> store().upsert(id, Contracts.doc("1"), Deadline.none())));
    assertTrue(store().get(id).isEmpty());
    assertEquals(List.of(), ids(ObjectKind.STATE, ""));
    assertEquals(List.of(), ids(ObjectKind.LOCK, ""));
  }

  /**
   * Ids some stores can hold and others cannot: each is either refused as the backend's {@link
   * StateBackend#idRule()} says, with the rule named and nothing written, or held, listed and read
   * like any other.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        " ",
        "   ",
        "a/b",
        "/abs",
        "team/dev:tap-x-to-y",
        "a\\b",
        "..",
        "a..b",
        "dev:tap-v1..v2-to-target",
        "../escape",
        ".",
        "tab\tx",
        "nl\nx",
        "del\u007fx"
      })
  default void idsAreHeldOrRefusedAsTheBackendDeclares(String id) {
    String problem = backend().idRule().problem(id);
    if (problem != null) {
      StateStoreException e =
          assertThrows(
              StateStoreException.class,
              () -> store().upsert(id, Contracts.doc("1"), Deadline.none()));
      assertEquals(ErrorKind.INVALID_INPUT, e.kind());
      assertTrue(e.getMessage().contains(problem), e.getMessage());
      assertTrue(store().get(id).isEmpty());
      assertEquals(List.of(), ids(ObjectKind.STATE, ""));
      assertEquals(List.of(), ids(ObjectKind.LOCK, ""));
      return;
    }
    store().upsert(id, Contracts.doc("v"), Deadline.none());
    assertEquals(List.of(id), ids(ObjectKind.STATE, ""));
    assertEquals(List.of(id), ids(ObjectKind.STATE, id));
    assertTrue(store().get(id).orElseThrow().bodyText().contains("\"v\""));
    assertTrue(store().delete(id, null, Deadline.none()));
    assertEquals(List.of(), ids(ObjectKind.STATE, ""));
    assertEquals(List.of(), ids(ObjectKind.LOCK, ""));
  }

  /** The longest id the backend's rule allows is held; one character more is refused. */
  @Test
  default void tooLongIdIsRefused() {
    int longest = backend().idRule().longestAsciiId();
    if (longest > 100_000) {
      return; // no length limit to test
    }
    String id = "x".repeat(longest + 1);
    assertEquals(
        ErrorKind.INVALID_INPUT,
        Contracts.kindOf(() -> store().upsert(id, Contracts.doc("1"), Deadline.none())));
    store().upsert("y".repeat(longest), Contracts.doc("1"), Deadline.none());
    assertTrue(store().get("y".repeat(longest)).isPresent());
    assertEquals(List.of("y".repeat(longest)), ids(ObjectKind.STATE, ""));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "not json",
        "{\"completed\": {}} trailing",
        "[1,2]",
        "\"text\"",
        "{\"completed\": {}, \"other\": 1}",
        "{\"completed\": {\"a\": 1, \"a\": 2}}",
        "{"
      })
  default void invalidBodiesAreRefusedAndNothingIsWritten(String body) {
    store().upsert("keep", Contracts.doc("original"), Deadline.none());
    assertEquals(
        ErrorKind.INVALID_DOCUMENT,
        Contracts.kindOf(() -> store().upsert("keep", body, Deadline.none())));
    assertEquals(
        ErrorKind.INVALID_DOCUMENT,
        Contracts.kindOf(() -> store().insert("new", body, Deadline.none())));
    assertTrue(store().get("keep").orElseThrow().bodyText().contains("original"));
    assertTrue(store().get("new").isEmpty());
    assertTrue(backend().read("keep", ObjectKind.LOCK).isEmpty());
  }
}
