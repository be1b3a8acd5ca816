package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.LoadContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link LoadContract} on {@code s3://}, against the S3 emulator. */
class S3LoadTest extends LoadContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }
}
