package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.RandomRoundTripContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link RandomRoundTripContract} on {@code s3://}, against the S3 emulator. */
class S3RandomRoundTripTest extends RandomRoundTripContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }
}
