package io.statestore.it;

import io.statestore.backend.azure.AzuriteExtension;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.jdbc.ConcurrentUpdateContract;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** No lost update on {@code azure://}: threads and processes against Azurite. */
@ExtendWith(AzuriteExtension.class)
class AzureConcurrentUpdateTest extends ConcurrentUpdateContract {
  private AzuriteServer server;

  @BeforeEach
  void server(AzuriteServer azurite) {
    this.server = azurite;
  }

  @Override
  protected String url() {
    return CloudUrls.azure(server, "counter") + "&lock_retry_seconds=0.02";
  }
}
