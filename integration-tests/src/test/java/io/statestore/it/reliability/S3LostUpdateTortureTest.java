package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.LostUpdateTortureContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link LostUpdateTortureContract} on {@code s3://}, against the S3 emulator. */
class S3LostUpdateTortureTest extends LostUpdateTortureContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }
}
