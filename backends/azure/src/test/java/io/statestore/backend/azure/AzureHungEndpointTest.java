package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
class AzureHungEndpointTest {

  @Test
  void aReadFromAnEndpointThatNeverAnswersTimesOut() {
    try (HungEndpoint hung = new HungEndpoint()) {
      String connection =
          "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey="
              + AzuriteServer.KEY
              + ";BlobEndpoint="
              + hung.url()
              + "/acct;";
      Map<String, String> settings =
          Map.of(
              "azure.connection_string", connection,
              "azure.connect_timeout_seconds", "1",
              "azure.read_timeout_seconds", "1",
              "fallback_dir", "off");
      try (StateStore store = StateStores.open("azure://container/p", settings)) {
        StateStoreException e =
            HungEndpoint.assertReadTimesOut(store, "azure.read_timeout_seconds");
        assertFalse(e.getMessage().contains(AzuriteServer.KEY), e.getMessage());
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
                    "azure://container/p",
                    Map.of(
                        "azure.connection_string",
                        "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey="
                            + AzuriteServer.KEY
                            + ";BlobEndpoint=http://127.0.0.1:9/acct;",
                        "azure.read_timeout_seconds",
                        "0")));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind(), e.getMessage());
    assertTrue(e.getMessage().contains("azure.read_timeout_seconds"), e.getMessage());
  }
}
