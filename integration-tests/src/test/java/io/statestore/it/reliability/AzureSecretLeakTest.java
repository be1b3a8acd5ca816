package io.statestore.it.reliability;

import io.statestore.backend.azure.AzuriteExtension;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.jdbc.reliability.SecretLeakContract;
import io.statestore.jdbc.reliability.StoreFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@link SecretLeakContract} on {@code azure://}, against Azurite: the connection string in the
 * URL, and (nested) as a property, with a wrong account key too.
 */
@ExtendWith(AzuriteExtension.class)
class AzureSecretLeakTest extends SecretLeakContract {
  private static AzuriteServer server;

  @BeforeAll
  static void server(AzuriteServer azurite) {
    server = azurite;
  }

  @Override
  protected StoreFixture store() {
    return CloudStores.azure(server, "reliability/state");
  }

  /** The same checks with the connection string given as a property. */
  @org.junit.jupiter.api.Nested
  class ConnectionStringAsProperty extends SecretLeakContract {
    @Override
    protected StoreFixture store() {
      return CloudStores.azureWithProperty(server, "reliability/state");
    }
  }
}
