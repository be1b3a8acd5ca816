package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.RandomRoundTripContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link RandomRoundTripContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsRandomRoundTripTest extends RandomRoundTripContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
