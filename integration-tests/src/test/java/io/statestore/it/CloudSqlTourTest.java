package io.statestore.it;

import io.statestore.jdbc.SqlTourContract;
import org.junit.jupiter.params.Parameter;

/**
 * The SQL tour on each cloud store against its emulator: {@code s3://} on S3Proxy, {@code azure://}
 * on Azurite and {@code gs://} on the Cloud Storage fake.
 */
@OnEachCloudStore
class CloudSqlTourTest extends SqlTourContract {
  @Parameter String kind;

  @Override
  protected String url() {
    return CloudUrls.of(kind, "meltano/state");
  }
}
