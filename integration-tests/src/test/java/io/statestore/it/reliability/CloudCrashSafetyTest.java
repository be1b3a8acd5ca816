package io.statestore.it.reliability;

import io.statestore.it.OnEachCloudStore;
import io.statestore.jdbc.reliability.CrashSafetyContract;
import io.statestore.jdbc.reliability.Scale;
import io.statestore.jdbc.reliability.StoreFixture;
import org.junit.jupiter.params.Parameter;

/**
 * {@link CrashSafetyContract} on each cloud store against its emulator: {@code s3://} on S3Proxy,
 * {@code azure://} on Azurite and {@code gs://} on the Cloud Storage fake.
 */
@OnEachCloudStore
class CloudCrashSafetyTest extends CrashSafetyContract {
  @Parameter String kind;

  @Override
  protected StoreFixture store() {
    return CloudStores.of(kind, "reliability/state");
  }

  /** 21 kills at full size; two rounds at CI size (a write is one request to the emulator). */
  @Override
  protected int rounds() {
    return Scale.of(7, 2);
  }
}
