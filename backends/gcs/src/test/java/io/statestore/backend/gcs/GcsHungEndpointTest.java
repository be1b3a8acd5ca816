package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.testkit.HungEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An endpoint that accepts connections and never answers fails within the read timeout. */
class GcsHungEndpointTest {

  @Test
  void aReadFromAnEndpointThatNeverAnswersTimesOut() {
    try (HungEndpoint hung = new HungEndpoint()) {
      Map<String, String> settings =
          Map.of(
              "gcs.endpoint", hung.url(),
              "gcs.connect_timeout_seconds", "1",
              "gcs.read_timeout_seconds", "1",
              "fallback_dir", "off");
      try (StateStore store = StateStores.open("gs://bucket/p", settings)) {
        HungEndpoint.assertReadTimesOut(store, "gcs.read_timeout_seconds");
      }
    }
  }

  @Test
  void aTimeoutMustBeAPositiveNumberOfSeconds() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () ->
                StateStores.open(
                    "gs://bucket/p",
                    Map.of(
                        "gcs.endpoint",
                        "http://127.0.0.1:9",
                        "gcs.connect_timeout_seconds",
                        "-1")));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("gcs.connect_timeout_seconds"), e.getMessage());
  }
}
