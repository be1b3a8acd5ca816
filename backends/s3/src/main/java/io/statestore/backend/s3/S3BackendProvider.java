package io.statestore.backend.s3;

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
 * Amazon S3 or an S3-compatible store ({@code s3.endpoint_url}). Opening checks the URI and
 * settings and builds the client; it makes no network call.
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
  S3Backend open(StoreLocation location, Settings settings, int pageSize) {
    S3Location where = S3Location.parse(location);
    S3ClientOptions options = S3ClientOptions.from(settings);
    S3Credentials credentials = S3Credentials.resolve(settings, where);
    S3Client client =
        options.build(credentials.provider(), new AwsProfiles(settings.environment()));
    LOG.debug(
        "Opened {} (region {}, endpoint {}, path style {}, credentials from {})",
        where,
        options.region(),
        options.endpoint() == null ? "AWS" : StoreLocation.redact(options.endpoint().toString()),
        options.pathStyle(),
        credentials.source());
    return new S3Backend(client, where, credentials, pageSize);
  }
}
