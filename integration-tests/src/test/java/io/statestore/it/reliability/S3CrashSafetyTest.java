package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.CrashSafetyContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link CrashSafetyContract} on {@code s3://}, against the S3 emulator. */
class S3CrashSafetyTest extends CrashSafetyContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }
}
