package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.StaleLockContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link StaleLockContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsStaleLockTest extends StaleLockContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
