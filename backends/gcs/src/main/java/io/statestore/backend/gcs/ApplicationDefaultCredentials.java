package io.statestore.backend.gcs;

import com.google.auth.oauth2.GoogleCredentials;
import java.io.IOException;

/**
 * Where Application Default Credentials come from: Google's own lookup in production ({@link
 * GoogleCredentials#getApplicationDefault()}), a fixed credential in tests, which must never ask a
 * metadata server.
 */
@FunctionalInterface
interface ApplicationDefaultCredentials {

  /** Google's lookup: gcloud's application default credentials file, then the metadata server. */
  ApplicationDefaultCredentials GOOGLE = GoogleCredentials::getApplicationDefault;

  /**
   * Loads the credentials.
   *
   * @throws IOException when none are found
   */
  GoogleCredentials load() throws IOException;
}
