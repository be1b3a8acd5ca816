package io.statestore.backend.s3;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;
import java.util.Map;

/**
 * The backend contract against a real S3-compatible server (S3Proxy), a fresh bucket per test and a
 * prefix written with stray slashes, as users write them. The listing test's 1,100 states take two
 * pages of S3's default 1,000 keys.
 */
class S3BackendContractTest extends BackendContractTest {
  private String uri;

  @Override
  protected StateBackend createBackend() {
    uri = "s3://" + S3ProxyServer.get().newBucket() + "/meltano/state/";
    return S3ProxyServer.get().open(uri, Map.of(), S3BackendProvider.PAGE_SIZE);
  }

  @Override
  protected StateBackend openAgain() {
    return S3ProxyServer.get().open(uri, Map.of(), S3BackendProvider.PAGE_SIZE);
  }
}
