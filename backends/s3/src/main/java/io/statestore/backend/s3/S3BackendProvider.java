package io.statestore.backend.s3;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.SettingDefinition;
import io.statestore.spi.Settings;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateBackendProvider;
import io.statestore.spi.StoreLocation;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * The {@code s3:} scheme: {@code s3://bucket/prefix} or {@code s3://key:secret@bucket/prefix}, on
 * Amazon S3 or an S3-compatible store ({@code s3.endpoint_url}), through an {@link
 * ObjectStoreBackend} over {@link S3StoreClient}. Opening checks the URI and settings and builds
 * the client; it makes no network call.
 */
public final class S3BackendProvider implements StateBackendProvider {
  private static final Logger LOG = LoggerFactory.getLogger(S3BackendProvider.class);

  /** S3's largest (and default) page of a listing. */
  static final int PAGE_SIZE = 1000;

  @Override
  public String scheme() {
    return "s3";
  }

  @Override
  public String description() {
    return "Amazon S3 and S3-compatible object stores (s3://bucket/prefix), in Meltano's layout";
  }

  @Override
  public List<SettingDefinition> settings() {
    return S3Settings.ALL;
  }

  @Override
  public StateBackend open(StoreLocation location, Settings settings) {
    return open(location, settings, PAGE_SIZE);
  }

  /** Opens a backend with a given listing page size (tests use small pages). */
  ObjectStoreBackend open(StoreLocation location, Settings settings, int pageSize) {
    S3Location where = S3Location.parse(location);
    S3ClientOptions options = S3ClientOptions.from(settings);
    S3Credentials credentials = S3Credentials.resolve(settings, where);
    S3Client client =
        options.build(credentials.provider(), new AwsProfiles(settings.environment()));
    String endpoint =
        options.endpoint() == null
            ? "https://s3." + options.region() + ".amazonaws.com"
            : StoreLocation.redact(options.endpoint().toString());
    LOG.debug(
        "Opened {} (region {}, endpoint {}, path style {}, credentials from {})",
        where,
        options.region(),
        endpoint,
        options.pathStyle(),
        credentials.source());
    ObjectStoreLocation bucket = where.withoutCredentials();
    return new ObjectStoreBackend(
        new S3StoreClient(client, where.bucket(), credentials, where.toString()),
        S3Failures.errors(bucket, endpoint, credentials.source()),
        bucket,
        // Meltano's layout in a bucket: keys of at most 1024 bytes, ids without '/'.
        bucket.layout().idRule(where.toString(), 1024, true),
        pageSize);
  }
}
