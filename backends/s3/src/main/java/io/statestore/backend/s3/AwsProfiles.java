package io.statestore.backend.s3;

import io.statestore.spi.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.profiles.ProfileFileSupplier;
import software.amazon.awssdk.profiles.ProfileProperty;

/**
 * The AWS shared config and credentials files, located through an {@link Environment} ({@code
 * AWS_CONFIG_FILE}, {@code AWS_SHARED_CREDENTIALS_FILE}, {@code AWS_PROFILE}) rather than the
 * process environment, so that tests can point them anywhere.
 */
final class AwsProfiles {
  private static final Logger LOG = LoggerFactory.getLogger(AwsProfiles.class);

  private final Environment env;

  AwsProfiles(Environment env) {
    this.env = env;
  }

  /** The profile in use: {@code AWS_PROFILE}, else {@code default}. */
  String profileName() {
    return env.get("AWS_PROFILE").orElse("default");
  }

  /** Whether {@code AWS_PROFILE} names a profile explicitly. */
  boolean profileNamed() {
    return env.get("AWS_PROFILE").isPresent();
  }

  /**
   * The config and credentials files merged, as the AWS CLI reads them, re-read when either file
   * changes (rotated keys are picked up).
   */
  ProfileFileSupplier supplier() {
    List<ProfileFileSupplier> files = new ArrayList<>();
    add(files, configPath(), ProfileFile.Type.CONFIGURATION);
    add(files, credentialsPath(), ProfileFile.Type.CREDENTIALS);
    return files.isEmpty()
        ? ProfileFileSupplier.fixedProfileFile(ProfileFile.aggregator().build())
        : ProfileFileSupplier.aggregate(files.toArray(ProfileFileSupplier[]::new));
  }

  /** The files as they are now. */
  ProfileFile profileFile() {
    return supplier().get();
  }

  /** The region of the active profile, if the config file gives one. */
  Optional<String> region() {
    try {
      return profileFile().profile(profileName()).flatMap(p -> p.property(ProfileProperty.REGION));
    } catch (RuntimeException e) {
      LOG.debug("Could not read the region from the AWS config file", e);
      return Optional.empty();
    }
  }

  private Path configPath() {
    return env.get("AWS_CONFIG_FILE").map(Path::of).orElse(home().resolve(".aws/config"));
  }

  private Path credentialsPath() {
    return env.get("AWS_SHARED_CREDENTIALS_FILE")
        .map(Path::of)
        .orElse(home().resolve(".aws/credentials"));
  }

  private Path home() {
    return Path.of(env.get("HOME").orElse(System.getProperty("user.home")));
  }

  private static void add(List<ProfileFileSupplier> files, Path path, ProfileFile.Type type) {
    if (Files.isRegularFile(path)) {
      files.add(ProfileFileSupplier.reloadWhenModified(path, type));
    }
  }
}
