package io.statestore.backend.s3;

import io.statestore.core.objectstore.RequestTimeouts;
import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;

/**
 * How to build the S3 client of one store: region, endpoint and addressing style, resolved from the
 * settings and the environment and checked before any network call.
 *
 * @param region the region
 * @param regionGiven whether the region was configured (setting, environment or profile) rather
 *     than defaulted
 * @param endpoint an S3-compatible endpoint, or {@code null} for AWS
 * @param pathStyle whether to address buckets as {@code endpoint/bucket/key}
 * @param connectTimeout the longest wait for a connection
 * @param readTimeout the longest wait for the answer to one request attempt
 */
record S3ClientOptions(
    String region,
    boolean regionGiven,
    URI endpoint,
    boolean pathStyle,
    Duration connectTimeout,
    Duration readTimeout) {
  /** The region used when nothing names one, as the AWS CLI does for S3. */
  static final String DEFAULT_REGION = "us-east-1";

  private static final Pattern REGION = Pattern.compile("[a-z0-9][a-z0-9-]*");

  /**
   * Resolves the options.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming a bad setting
   */
  static S3ClientOptions from(Settings settings) {
    Environment env = settings.environment();
    Optional<String> region =
        nonBlank(settings.find(S3Settings.REGION))
            .or(() -> env.get("AWS_REGION"))
            .or(() -> env.get("AWS_DEFAULT_REGION"))
            .or(() -> new AwsProfiles(env).region())
            .map(String::strip);
    if (region.isPresent() && !REGION.matcher(region.get()).matches()) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '" + S3Settings.REGION.key() + "' is not a region name such as eu-west-1");
    }
    URI endpoint =
        nonBlank(settings.find(S3Settings.ENDPOINT_URL)).map(v -> endpoint(v)).orElse(null);
    boolean pathStyle = settings.findBoolean(S3Settings.PATH_STYLE).orElse(endpoint != null);
    return new S3ClientOptions(
        region.orElse(DEFAULT_REGION),
        region.isPresent(),
        endpoint,
        pathStyle,
        RequestTimeouts.of(settings, S3Settings.CONNECT_TIMEOUT_SECONDS),
        RequestTimeouts.of(settings, S3Settings.READ_TIMEOUT_SECONDS));
  }

  private static URI endpoint(String text) {
    try {
      URI uri = new URI(text.strip());
      String scheme = uri.getScheme();
      if (scheme == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
          || uri.getHost() == null) {
        throw new URISyntaxException(text, "not an http(s) URL with a host");
      }
      return uri;
    } catch (URISyntaxException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '"
              + S3Settings.ENDPOINT_URL.key()
              + "' must be an http(s) URL such as http://127.0.0.1:9000, got '"
              + StoreLocation.redact(text)
              + "'",
          e);
    }
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(v -> !v.isBlank());
  }

  /** Builds the one client of a backend. */
  S3Client build(AwsCredentialsProvider credentials, AwsProfiles profiles) {
    S3ClientBuilder b =
        S3Client.builder()
            .httpClientBuilder(
                Apache5HttpClient.builder()
                    .connectionTimeout(connectTimeout)
                    .socketTimeout(readTimeout))
            .credentialsProvider(credentials)
            .region(Region.of(region))
            .forcePathStyle(pathStyle)
            .overrideConfiguration(
                c ->
                    c.defaultProfileFileSupplier(profiles.supplier())
                        .defaultProfileName(profiles.profileName())
                        .apiCallAttemptTimeout(connectTimeout.plus(readTimeout)));
    if (endpoint != null) {
      // S3-compatible stores vary in their support of the SDK's default CRC checksums and
      // aws-chunked uploads; send and check checksums only where the API requires them.
      b.endpointOverride(endpoint)
          .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
          .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
    } else if (!regionGiven) {
      b.crossRegionAccessEnabled(true);
    }
    return b.build();
  }
}
