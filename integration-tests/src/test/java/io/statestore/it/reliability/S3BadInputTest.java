package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.BadInputContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link BadInputContract} on {@code s3://}, against the S3 emulator. */
class S3BadInputTest extends BadInputContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.s3("reliability/state");
  }
}
