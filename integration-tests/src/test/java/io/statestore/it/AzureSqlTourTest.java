package io.statestore.it;

import io.statestore.backend.azure.AzuriteExtension;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.jdbc.SqlTourContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The SQL tour on {@code azure://}, against Azurite. */
@ExtendWith(AzuriteExtension.class)
class AzureSqlTourTest extends SqlTourContract {
  private static AzuriteServer server;

  @BeforeAll
  static void server(AzuriteServer azurite) {
    server = azurite;
  }

  @Override
  protected String url() {
    return CloudUrls.azure(server, "meltano/state");
  }
}
