package io.statestore.backend.gcs;

import com.google.auth.Credentials;
import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import com.google.cloud.NoCredentials;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.Settings;
import io.statestore.spi.StateStoreException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The credentials a store uses and where they came from, in Meltano's order: the setting {@code
 * gcs.application_credentials}, else the environment variable {@code
 * GOOGLE_APPLICATION_CREDENTIALS} (of the settings' injectable environment), else no credentials
 * when {@code gcs.endpoint} is set (emulators), else Application Default Credentials.
 *
 * <p>Only {@link #source()} may appear in messages: never the file's path nor its contents.
 */
final class GcsCredentials {
  private final Credentials credentials;
  private final String source;

  private GcsCredentials(Credentials credentials, String source) {
    this.credentials = credentials;
    this.source = source;
  }

  /**
   * Resolves the credentials of a store.
   *
   * @param adc where Application Default Credentials come from when nothing else is configured
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming the setting or
   *     variable whose file is missing or invalid, or that nothing was found; {@link
   *     ErrorKind#DENIED} when the file may not be read
   */
  static GcsCredentials resolve(Settings settings, ApplicationDefaultCredentials adc) {
    Optional<String> file =
        settings
            .find(GcsSettings.APPLICATION_CREDENTIALS)
            .map(String::strip)
            .filter(s -> !s.isEmpty());
    if (file.isPresent()) {
      String source =
          settings.source(GcsSettings.APPLICATION_CREDENTIALS) == Settings.Source.ENVIRONMENT
              ? "the environment variable " + GcsSettings.APPLICATION_CREDENTIALS_ENV
              : "the setting " + GcsSettings.APPLICATION_CREDENTIALS.key();
      return new GcsCredentials(load(file.get(), source), source);
    }
    if (settings.find(GcsSettings.ENDPOINT).filter(s -> !s.isBlank()).isPresent()) {
      return new GcsCredentials(
          NoCredentials.getInstance(),
          "no credentials (" + GcsSettings.ENDPOINT.key() + " is set and none were given)");
    }
    String source = "Application Default Credentials";
    try {
      return new GcsCredentials(adc.load(), source);
    } catch (IOException | RuntimeException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "No Google credentials were found for a Cloud Storage store: set the setting "
              + GcsSettings.APPLICATION_CREDENTIALS.key()
              + " or the environment variable "
              + GcsSettings.APPLICATION_CREDENTIALS_ENV
              + " to a service account's JSON key file, or set up "
              + source
              + " (gcloud auth application-default login) ("
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** Reads a credentials file; failures name {@code source}, never the path or the contents. */
  private static Credentials load(String file, String source) {
    Path path;
    try {
      path = Path.of(file);
    } catch (InvalidPathException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The credentials file named by " + source + " is not a valid path");
    }
    try (InputStream in = Files.newInputStream(path)) {
      GoogleCredentials credentials = GoogleCredentials.fromStream(in);
      return credentials;
    } catch (NoSuchFileException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The credentials file named by " + source + " does not exist");
    } catch (AccessDeniedException e) {
      throw new StateStoreException(
          ErrorKind.DENIED,
          "The credentials file named by " + source + " may not be read (permission denied)");
    } catch (IOException | RuntimeException e) {
      // Parsers' messages may quote the file; only the failure's type is kept.
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The credentials file named by "
              + source
              + " is not a valid Google credentials file (expected a service account's JSON key;"
              + " "
              + e.getClass().getSimpleName()
              + ")");
    }
  }

  /** The credentials: hand them to the SDK only. */
  Credentials credentials() {
    return credentials;
  }

  /** The project of a service account's key file, if the credentials are one. */
  Optional<String> serviceAccountProject() {
    return credentials instanceof ServiceAccountCredentials s
        ? Optional.ofNullable(s.getProjectId()).filter(p -> !p.isBlank())
        : Optional.empty();
  }

  /** Where the credentials came from, e.g. {@code the setting gcs.application_credentials}. */
  String source() {
    return source;
  }

  @Override
  public String toString() {
    return "GcsCredentials[from " + source + "]";
  }
}
