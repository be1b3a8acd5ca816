package io.statestore.it;

import io.statestore.jdbc.SqlTourContract;

/** The SQL tour on {@code s3://}, against the S3 emulator. */
class S3SqlTourTest extends SqlTourContract {
  @Override
  protected String url() {
    return CloudUrls.s3("meltano/state");
  }
}
