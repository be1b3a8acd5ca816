package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.StaleLockContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link StaleLockContract} on {@code s3://}, against the S3 emulator. */
class S3StaleLockTest extends StaleLockContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }
}
