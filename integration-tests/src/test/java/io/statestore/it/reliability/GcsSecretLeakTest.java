package io.statestore.it.reliability;

import io.statestore.backend.gcs.FakeGcsServer;
import io.statestore.jdbc.reliability.SecretLeakContract;
import io.statestore.jdbc.reliability.StoreFixture;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SecretLeakContract} on {@code gs://} with a service account's key file: neither the file's
 * path nor the key it holds may show anywhere, also when another account's key is refused.
 */
class GcsSecretLeakTest extends SecretLeakContract {
  @TempDir Path dir;
  private FakeGcsServer server;

  @BeforeEach
  void start() throws Exception {
    server = FakeGcsServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Override
  protected StoreFixture store() throws Exception {
    return CloudStores.gsWithServiceAccount(server, dir, "reliability/state");
  }
}
