package io.statestore.backend.gcs;

import com.google.cloud.BaseServiceException;
import io.statestore.core.objectstore.ObjectStoreErrors;

/**
 * How the Cloud Storage SDK's failures read: the HTTP status and the service's reason. Object
 * requests handle a missing object themselves, so a 404 that reaches the error mapping is the
 * bucket's.
 */
final class GcsFailures implements ObjectStoreErrors.Reader {
  static final GcsFailures INSTANCE = new GcsFailures();

  private GcsFailures() {}

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
