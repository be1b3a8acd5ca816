package io.statestore.backend.s3;

import static io.statestore.backend.s3.S3Settings.ACCESS_KEY_ID;
import static io.statestore.backend.s3.S3Settings.SECRET_ACCESS_KEY;

import io.statestore.spi.Environment;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.AwsSessionCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

/**
 * The credentials of one store and where they come from, in Meltano's order: the settings {@code
 * s3.aws_access_key_id}/{@code s3.aws_secret_access_key}, then the URI's user info, then the
 * environment ({@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY}/{@code AWS_SESSION_TOKEN}),
 * then the profile {@code AWS_PROFILE} names, else the SDK's default chain (web identity, the
 * {@code default} profile of the shared credentials and config files, container and instance
 * credentials). The shared files are found through the same environment ({@code HOME}, {@code
 * AWS_SHARED_CREDENTIALS_FILE}, {@code AWS_CONFIG_FILE}).
 *
 * <p>{@link #source()} names the source for messages; nothing here ever shows a key.
 */
final class S3Credentials {
  private static final Logger LOG = LoggerFactory.getLogger(S3Credentials.class);

  /** The source name of keys given as settings. */
  static final String FROM_SETTINGS = "setting " + ACCESS_KEY_ID.key();

  /** The source name of keys given in the URI. */
  static final String FROM_URI = "URI user info";

  /** The source name of keys given by environment variables. */
  static final String FROM_ENVIRONMENT =
      "environment variables AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY";

  /** The source name of the SDK's default chain. */
  static final String FROM_DEFAULT_CHAIN = "default AWS chain";

  private final AwsCredentialsProvider provider;
  private final String source;

  private S3Credentials(AwsCredentialsProvider provider, String source) {
    this.provider = provider;
    this.source = source;
  }

  /**
   * Finds the credentials to use; reads no network.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} when only half of a key
   *     pair is set
   */
  static S3Credentials resolve(Settings settings, S3Location location) {
    Optional<String> id = nonBlank(settings.find(ACCESS_KEY_ID));
    Optional<String> secret = nonBlank(settings.find(SECRET_ACCESS_KEY));
    if (id.isPresent() && secret.isPresent()) {
      return fixed(new StaticKeys(id.get(), secret.get(), null), FROM_SETTINGS);
    }
    if (id.isPresent() || secret.isPresent()) {
      String set = id.isPresent() ? ACCESS_KEY_ID.key() : SECRET_ACCESS_KEY.key();
      String missing = id.isPresent() ? SECRET_ACCESS_KEY.key() : ACCESS_KEY_ID.key();
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "Setting '"
              + set
              + "' is set but '"
              + missing
              + "' is not; set both (JDBC's user and password map onto them) or neither for "
              + location);
    }
    if (location.userInfo().isPresent()) {
      return fixed(location.userInfo().get(), FROM_URI);
    }
    Environment env = settings.environment();
    Optional<String> envId = env.get("AWS_ACCESS_KEY_ID");
    Optional<String> envSecret = env.get("AWS_SECRET_ACCESS_KEY");
    if (envId.isPresent() && envSecret.isPresent()) {
      StaticKeys keys =
          new StaticKeys(envId.get(), envSecret.get(), env.get("AWS_SESSION_TOKEN").orElse(null));
      return fixed(keys, FROM_ENVIRONMENT);
    }
    if (envId.isPresent() || envSecret.isPresent()) {
      LOG.warn(
          "Only one of AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY is set; ignoring it for {}",
          location);
    }
    AwsProfiles profiles = new AwsProfiles(env);
    String profile = profiles.profileName();
    boolean exists = hasProfile(profiles, profile);
    if (profiles.profileNamed() && !exists) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "AWS_PROFILE names the profile '"
              + profile
              + "', which is in neither the AWS config nor the credentials file, for "
              + location);
    }
    if (profiles.profileNamed()) {
      AwsCredentialsProvider p =
          ProfileCredentialsProvider.builder()
              .profileFile(profiles.supplier())
              .profileName(profile)
              .build();
      return new S3Credentials(p, "AWS profile '" + profile + "' (AWS_PROFILE)");
    }
    AwsCredentialsProvider chain =
        DefaultCredentialsProvider.builder()
            .profileFile(profiles.supplier())
            .profileName(profile)
            .build();
    String source = FROM_DEFAULT_CHAIN + (exists ? " (profile '" + profile + "')" : "");
    return new S3Credentials(chain, source);
  }

  private static boolean hasProfile(AwsProfiles profiles, String name) {
    try {
      return profiles.profileFile().profile(name).isPresent();
    } catch (RuntimeException e) {
      LOG.debug("Could not read the AWS shared files", e);
      return false;
    }
  }

  private static S3Credentials fixed(StaticKeys keys, String source) {
    AwsCredentials c =
        keys.sessionToken() == null
            ? AwsBasicCredentials.create(keys.accessKeyId(), keys.secretAccessKey())
            : AwsSessionCredentials.create(
                keys.accessKeyId(), keys.secretAccessKey(), keys.sessionToken());
    return new S3Credentials(StaticCredentialsProvider.create(c), source);
  }

  private static Optional<String> nonBlank(Optional<String> value) {
    return value.filter(v -> !v.isBlank());
  }

  /** The provider to give the S3 client. */
  AwsCredentialsProvider provider() {
    return provider;
  }

  /** Where the credentials come from, e.g. {@code setting s3.aws_access_key_id}; never a value. */
  String source() {
    return source;
  }

  /** Closes the provider when it holds resources (the default chain caches and refreshes). */
  void close() {
    if (provider instanceof AutoCloseable c) {
      try {
        c.close();
      } catch (Exception e) {
        LOG.debug("Closing the credentials provider failed", e);
      }
    }
  }

  @Override
  public String toString() {
    return "S3Credentials[" + source + "]";
  }
}
