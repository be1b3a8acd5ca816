package io.statestore.backend.gcs;

import io.statestore.jdbc.SqlTourContract;

/**
 * The driver's SQL tour end to end on {@code jdbc:statestore:gs://bucket/prefix} against {@link
 * FakeGcsServer}, a fresh bucket per test.
 */
class GcsSqlTourTest extends SqlTourContract {

  @Override
  protected String url() {
    FakeGcsServer server = GcsTestStores.server();
    return "jdbc:statestore:" + server.storeUri(server.newBucket("tour"), "meltano/state");
  }
}
