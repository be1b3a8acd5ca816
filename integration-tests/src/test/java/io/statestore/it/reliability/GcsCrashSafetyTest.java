package io.statestore.it.reliability;

import io.statestore.jdbc.reliability.CrashSafetyContract;
import io.statestore.jdbc.reliability.Scale;
import io.statestore.jdbc.reliability.StoreFixture;

/** {@link CrashSafetyContract} on {@code gs://}, against the Cloud Storage fake. */
class GcsCrashSafetyTest extends CrashSafetyContract {
  /** 21 kills at full size; two rounds at CI size (a write is one request to the emulator). */
  @Override
  protected int rounds() {
    return Scale.of(7, 2);
  }

  @Override
  protected StoreFixture store() {
    return CloudStores.gs("reliability/state");
  }
}
