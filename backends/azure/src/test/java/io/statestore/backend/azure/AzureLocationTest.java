package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code azure://container/prefix} as Meltano reads it, and the URIs refused. */
class AzureLocationTest {

  private static ObjectStoreLocation parse(String uri) {
    return AzureBackendProvider.location(StoreLocation.parse(uri));
  }

  @ParameterizedTest
  @CsvSource({
    "azure://my-container,                 my-container, '',           azure://my-container",
    "azure://my-container/,                my-container, '',           azure://my-container",
    "azure://my-container/state,           my-container, state,        azure://my-container/state",
    "azure://my-container//meltano/state/, my-container, meltano/state,"
        + " azure://my-container/meltano/state",
    "azure://My-Container/a b/c,           my-container, a b/c,        azure://my-container/a b/c",
    "azure://abc/%20x,                     abc,          %20x,         azure://abc/%20x",
    "azure://$root/x,                      $root,        x,            azure://$root/x"
  })
  void containerAndPrefix(String uri, String container, String prefix, String described) {
    ObjectStoreLocation location = parse(uri);
    assertEquals(container, location.container());
    assertEquals(prefix, location.prefix());
    assertEquals(described, location.describe());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "azure:",
        "azure:container/x",
        "azure:/container/x",
        "azure://",
        "azure:///x",
        "azure://ab/x",
        "azure://a--b/x",
        "azure://-abc/x",
        "azure://abc-/x",
        "azure://ab_c/x",
        "azure://container:10000/x",
        "azure://" + "x123456789012345678901234567890123456789012345678901234567890123/p"
      })
  void malformedUrisAreRefused(String uri) {
    StateStoreException e = assertThrows(StateStoreException.class, () -> parse(uri));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("azure:"), e.getMessage());
  }

  @Test
  void credentialsInTheUriAreRefusedWithoutShowingThem() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> parse("azure://account:s3cr3tKey@container/x"));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertFalse(e.getMessage().contains("s3cr3tKey"), e.getMessage());
    assertTrue(e.getMessage().contains("azure.connection_string"), e.getMessage());
  }
}
