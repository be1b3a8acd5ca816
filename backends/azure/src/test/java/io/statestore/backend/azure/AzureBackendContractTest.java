package io.statestore.backend.azure;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The backend contract on a real Azurite, each test in a fresh container under a prefix, with
 * listing pages of 500 so the suite's 1,100 states span three pages.
 */
@ExtendWith(AzuriteExtension.class)
class AzureBackendContractTest extends BackendContractTest {
  private static AzuriteServer azurite;
  private String container;

  @BeforeAll
  static void startAzurite(AzuriteServer server) {
    azurite = server;
  }

  @Override
  protected StateBackend createBackend() {
    container = azurite.createContainer("contract");
    return AzureTestStores.open(
        azurite, container, "meltano/state", AzureClientOptions.defaults().withPageSize(500));
  }

  @Override
  protected StateBackend openAgain() {
    return AzureTestStores.open(
        azurite, container, "meltano/state", AzureClientOptions.defaults().withPageSize(500));
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
  }
}
