package io.statestore.it;

import io.statestore.jdbc.ConcurrentUpdateContract;

/** No lost update on {@code gs://}: threads and processes against the Cloud Storage test server. */
class GcsConcurrentUpdateTest extends ConcurrentUpdateContract {
  @Override
  protected String url() {
    return CloudUrls.gcs("counter") + "&lock_retry_seconds=0.02";
  }
}
