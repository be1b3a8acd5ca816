package io.statestore.it;

import io.statestore.jdbc.SqlTourContract;

/** The SQL tour on {@code gs://}, against the Cloud Storage test server. */
class GcsSqlTourTest extends SqlTourContract {
  @Override
  protected String url() {
    return CloudUrls.gcs("meltano/state");
  }
}
