package io.statestore.it.reliability;

import io.statestore.backend.azure.AzuriteExtension;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.jdbc.reliability.CrashSafetyContract;
import io.statestore.jdbc.reliability.Scale;
import io.statestore.jdbc.reliability.StoreFixture;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link CrashSafetyContract} on {@code azure://}, against Azurite. */
@ExtendWith(AzuriteExtension.class)
class AzureCrashSafetyTest extends CrashSafetyContract {
  private static AzuriteServer server;

  @BeforeAll
  static void server(AzuriteServer azurite) {
    server = azurite;
  }

  /** 21 kills at full size; two rounds at CI size (a write is one request to the emulator). */
  @Override
  protected int rounds() {
    return Scale.of(7, 2);
  }

  @Override
  protected StoreFixture store() {
    return CloudStores.azure(server, "reliability/state");
  }
}
