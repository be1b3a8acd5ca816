package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.CrashSafetyContract;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link CrashSafetyContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsCrashSafetyTest extends CrashSafetyContract {
  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
