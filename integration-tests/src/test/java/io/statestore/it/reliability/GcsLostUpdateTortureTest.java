package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.LostUpdateTortureContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link LostUpdateTortureContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsLostUpdateTortureTest extends LostUpdateTortureContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
