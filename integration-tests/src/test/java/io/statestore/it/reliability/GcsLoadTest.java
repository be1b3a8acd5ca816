package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.LoadContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link LoadContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsLoadTest extends LoadContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
