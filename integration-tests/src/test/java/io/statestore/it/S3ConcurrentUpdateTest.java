package io.statestore.it;

import io.statestore.jdbc.ConcurrentUpdateContract;

/** No lost update on {@code s3://}: threads and processes against the S3 emulator. */
class S3ConcurrentUpdateTest extends ConcurrentUpdateContract {
  @Override
  protected String url() {
    return CloudUrls.s3("counter") + "&lock_retry_seconds=0.02";
  }
}
