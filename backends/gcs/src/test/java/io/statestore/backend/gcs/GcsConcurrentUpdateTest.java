package io.statestore.backend.gcs;

import io.statestore.jdbc.ConcurrentUpdateContract;

/**
 * No lost update on {@code jdbc:statestore:gs://...} across threads and across JVMs, all talking to
 * one {@link FakeGcsServer} over HTTP.
 */
class GcsConcurrentUpdateTest extends ConcurrentUpdateContract {

  @Override
  protected String url() {
    FakeGcsServer server = GcsTestStores.server();
    // Short lock timings keep the test fast; writes hold a lock for milliseconds.
    return "jdbc:statestore:"
        + server.storeUri(server.newBucket("counter"), "state")
        + "&lock_retry_seconds=0.01";
  }
}
