package io.statestore.backend.s3;

import io.statestore.core.BackendRegistry;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.Environment;
import io.statestore.testkit.HungEndpoint;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An endpoint that accepts connections and never answers fails within the read timeout. */
class S3HungEndpointTest {
  @Test
  void aReadFromAnEndpointThatNeverAnswersTimesOut() {
    try (HungEndpoint hung = new HungEndpoint()) {
      readTimesOut(hung);
    }
  }

  private static void readTimesOut(HungEndpoint hung) {
    String uri =
        "s3://bucket/p?s3.endpoint_url=http://127.0.0.1:"
            + hung.port()
            + "&s3.read_timeout_seconds=1&s3.connect_timeout_seconds=1&fallback_dir=off";
    Map<String, String> props = Map.of("user", "AKIAEXAMPLE", "password", "not-a-real-secret");
    try (StateStore store =
        StateStores.open(
            uri, props, Environment.of(Map.of()), k -> false, BackendRegistry.load())) {
      HungEndpoint.assertReadTimesOut(store, "s3.read_timeout_seconds");
    }
  }
}
