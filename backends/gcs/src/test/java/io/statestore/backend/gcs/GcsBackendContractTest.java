package io.statestore.backend.gcs;

import io.statestore.spi.StateBackend;
import io.statestore.testkit.BackendContractTest;

/**
 * The backend contract through the SDK's real HTTP stack against {@link FakeGcsServer}, a fresh
 * bucket per test and a prefix written with stray slashes, as users write them. The listing test's
 * 1,500 states take two pages of Cloud Storage's default 1,000 names.
 */
class GcsBackendContractTest extends BackendContractTest {
  private String bucket;

  @Override
  protected StateBackend createBackend() {
    bucket = GcsTestStores.server().newBucket("contract");
    return GcsTestStores.open(bucket, "/meltano/state/", GcsClientOptions.defaults());
  }

  @Override
  protected StateBackend openAgain() {
    return GcsTestStores.open(bucket, "meltano/state", GcsClientOptions.defaults());
  }

  @Override
  protected int listingSize() {
    return 1_500;
  }
}
