package io.statestore.it.reliability;

import io.statestore.backend.azure.AzuriteExtension;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.jdbc.reliability.BadInputContract;
import io.statestore.jdbc.reliability.StoreFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link BadInputContract} on {@code azure://}, against Azurite. */
@ExtendWith(AzuriteExtension.class)
class AzureBadInputTest extends BadInputContract {
  private static AzuriteServer server;

  @BeforeAll
  static void server(AzuriteServer azurite) {
    server = azurite;
  }

  @Override
  protected StoreFixture store() {
    return CloudStores.azure(server, "reliability/state");
  }
}
