package io.statestore.it;

import io.statestore.jdbc.ConcurrentUpdateContract;
import org.junit.jupiter.params.Parameter;

/**
 * No lost update on each cloud store, threads and processes against its emulator: {@code s3://} on
 * S3Proxy, {@code azure://} on Azurite and {@code gs://} on the Cloud Storage fake.
 */
@OnEachCloudStore
class CloudConcurrentUpdateTest extends ConcurrentUpdateContract {
  @Parameter String kind;

  @Override
  protected String url() {
    return CloudUrls.of(kind, "counter") + "&lock_retry_seconds=0.02";
  }
}
