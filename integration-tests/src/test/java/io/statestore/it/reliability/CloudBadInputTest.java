package io.statestore.it.reliability;

import io.statestore.it.OnEachCloudStore;
import io.statestore.jdbc.reliability.BadInputContract;
import io.statestore.jdbc.reliability.StoreFixture;
import org.junit.jupiter.params.Parameter;

/**
 * {@link BadInputContract} on each cloud store against its emulator: {@code s3://} on S3Proxy,
 * {@code azure://} on Azurite and {@code gs://} on the Cloud Storage fake.
 */
@OnEachCloudStore
class CloudBadInputTest extends BadInputContract {
  @Parameter String kind;

  @Override
  protected StoreFixture store() {
    return CloudStores.of(kind, "reliability/state");
  }
}
