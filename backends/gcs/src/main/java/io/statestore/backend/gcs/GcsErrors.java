package io.statestore.backend.gcs;

import com.google.cloud.BaseServiceException;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.channels.ClosedByInterruptException;

/**
 * Maps Cloud Storage SDK failures onto {@link ErrorKind}s with messages that name the store, the
 * bucket, the endpoint and where the credentials came from, never their value. Service messages are
 * not copied into ours; the SDK exception stays as the cause.
 */
final class GcsErrors {
  private final String store;
  private final String bucket;
  private final String endpoint;
  private final String credentialSource;

  /**
   * @param store the store as {@code gs://bucket/prefix}
   * @param bucket the bucket's name
   * @param endpoint the JSON API endpoint (safe to show)
   * @param credentialSource where the credentials came from, e.g. {@code the setting
   *     gcs.application_credentials}
   */
  GcsErrors(String store, String bucket, String endpoint, String credentialSource) {
    this.store = store;
    this.bucket = bucket;
    this.endpoint = endpoint;
    this.credentialSource = credentialSource;
  }

  /** The HTTP status of a failure, or 0 when there was no answer. */
  static int status(RuntimeException e) {
    return e instanceof BaseServiceException b && b.getCode() > 0 ? b.getCode() : 0;
  }

  /** The error that the bucket does not exist. */
  StateStoreException missingBucket(RuntimeException cause, String action) {
    return new StateStoreException(
        ErrorKind.INVALID_CONFIGURATION,
        "Failed "
            + action
            + " in "
            + store
            + ": the bucket '"
            + bucket
            + "' does not exist at "
            + endpoint
            + "; create it or fix the URI",
        cause);
  }

  /**
   * Translates a failure that no operation-specific rule handled. A 404 here is the bucket's: the
   * backend handles missing objects itself.
   *
   * @param action what was being done, e.g. {@code "reading state.json of state_id 'x'"}
   */
  StateStoreException translate(RuntimeException e, String action) {
    String where = "Failed " + action + " in " + store + ": ";
    if (isInterrupted(e)) {
      Thread.currentThread().interrupt();
      return new StateStoreException(ErrorKind.CANCELLED, where + "interrupted", e);
    }
    int status = status(e);
    if (status == 0 && isTimeout(e)) {
      return new StateStoreException(
          ErrorKind.TIMEOUT,
          where
              + "Cloud Storage at "
              + endpoint
              + " did not answer in time ("
              + GcsSettings.CONNECT_TIMEOUT_SECONDS.key()
              + ", "
              + GcsSettings.READ_TIMEOUT_SECONDS.key()
              + ")",
          e);
    }
    if (status == 0) {
      ErrorKind kind = ErrorKind.UNAVAILABLE;
      return new StateStoreException(
          kind,
          where
              + "Cloud Storage could not be reached at "
              + endpoint
              + " ("
              + describeCause(e)
              + ")",
          e);
    }
    String reason =
        e instanceof BaseServiceException b && b.getReason() != null ? " " + b.getReason() : "";
    String answer = "Cloud Storage answered " + status + reason;
    if (status == 404) {
      return missingBucket(e, action);
    }
    if (status == 401 || status == 403) {
      return new StateStoreException(
          ErrorKind.DENIED,
          where
              + answer
              + ": the store refused "
              + credentialSource
              + " (check the account and its permissions on bucket '"
              + bucket
              + "', e.g. the role Storage Object User)",
          e);
    }
    if (status == 408 || status == 504) {
      return new StateStoreException(ErrorKind.TIMEOUT, where + answer + " after retries", e);
    }
    if (status == 429 || status >= 500) {
      return new StateStoreException(ErrorKind.UNAVAILABLE, where + answer + " after retries", e);
    }
    return new StateStoreException(ErrorKind.UNAVAILABLE, where + answer, e);
  }

  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof SocketTimeoutException) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return false;
  }

  private static boolean isInterrupted(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException
          || t instanceof ClosedByInterruptException
          || (t instanceof InterruptedIOException && !(t instanceof SocketTimeoutException))) {
        return true;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Thread.currentThread().isInterrupted();
  }

  /** The innermost cause's type and message, with anything secret-looking redacted. */
  private static String describeCause(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String type = root.getClass().getSimpleName();
    return message == null || message.isBlank()
        ? type
        : type + ": " + StoreLocation.redact(message);
  }
}
