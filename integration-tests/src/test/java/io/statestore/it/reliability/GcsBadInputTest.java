package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.BadInputContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link BadInputContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsBadInputTest extends BadInputContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
