package io.statestore.backend.gcs;

import com.google.cloud.BaseServiceException;
import io.statestore.core.objectstore.ObjectStoreErrors;
import io.statestore.core.objectstore.ObjectStoreLocation;

/**
 * How the Cloud Storage SDK's failures read: the HTTP status and the service's reason. Object
 * requests handle a missing object themselves, so a 404 that reaches the error mapping is the
 * bucket's.
 */
final class GcsFailures implements ObjectStoreErrors.Reader {
  static final GcsFailures INSTANCE = new GcsFailures();

  private GcsFailures() {}

  /**
   * The error mapping of one store.
   *
   * @param endpoint the JSON API endpoint (safe to show)
   * @param credentialSource where the credentials came from, e.g. {@code the setting
   *     gcs.application_credentials}
   */
  static ObjectStoreErrors errors(
      ObjectStoreLocation location, String endpoint, String credentialSource) {
    return new ObjectStoreErrors(
        new ObjectStoreErrors.Naming(
            "Cloud Storage",
            location.describe(),
            "bucket",
            location.container(),
            endpoint,
            credentialSource,
            "check the account and its permissions on bucket '"
                + location.container()
                + "', e.g. the role Storage Object User",
            GcsSettings.CONNECT_TIMEOUT_SECONDS.key()
                + ", "
                + GcsSettings.READ_TIMEOUT_SECONDS.key()),
        INSTANCE);
  }

  @Override
  public int status(RuntimeException e) {
    return e instanceof BaseServiceException b && b.getCode() > 0 ? b.getCode() : 0;
  }

  @Override
  public String code(RuntimeException e) {
    return e instanceof BaseServiceException b && b.getReason() != null ? b.getReason() : "";
  }

  @Override
  public boolean isMissingContainer(int status, String code) {
    return status == 404;
  }
}
