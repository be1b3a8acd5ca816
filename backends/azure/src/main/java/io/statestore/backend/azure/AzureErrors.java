package io.statestore.backend.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.io.InterruptedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.util.Set;

/**
 * Maps Azure SDK failures onto {@link ErrorKind}s with messages that name the store, the container
 * and where the connection string came from, never its value. Service messages are not copied into
 * ours (an authentication failure echoes the string the service signed); the SDK exception stays as
 * the cause.
 */
final class AzureErrors {
  private static final Set<String> DENIED_CODES =
      Set.of(
          BlobErrorCode.AUTHENTICATION_FAILED.toString(),
          BlobErrorCode.AUTHORIZATION_FAILURE.toString(),
          BlobErrorCode.AUTHORIZATION_PERMISSION_MISMATCH.toString(),
          BlobErrorCode.AUTHORIZATION_PROTOCOL_MISMATCH.toString(),
          BlobErrorCode.AUTHORIZATION_RESOURCE_TYPE_MISMATCH.toString(),
          BlobErrorCode.AUTHORIZATION_SERVICE_MISMATCH.toString(),
          BlobErrorCode.AUTHORIZATION_SOURCE_IPMISMATCH.toString(),
          BlobErrorCode.INSUFFICIENT_ACCOUNT_PERMISSIONS.toString(),
          BlobErrorCode.INVALID_AUTHENTICATION_INFO.toString(),
          BlobErrorCode.ACCOUNT_IS_DISABLED.toString());

  private final String store;
  private final String container;
  private final String endpoint;
  private final String credentialSource;

  /**
   * @param store the store as {@code azure://container/prefix}
   * @param container the container's name
   * @param endpoint the blob service endpoint, without query (safe to show)
   * @param credentialSource where the connection string came from, e.g. {@code the setting
   *     azure.connection_string}
   */
  AzureErrors(String store, String container, String endpoint, String credentialSource) {
    this.store = store;
    this.container = container;
    this.endpoint = endpoint;
    this.credentialSource = credentialSource;
  }

  /** The Azure error code of a failure ({@code x-ms-error-code}), or {@code ""}. */
  static String code(RuntimeException e) {
    if (e instanceof BlobStorageException b && b.getErrorCode() != null) {
      return b.getErrorCode().toString();
    }
    return "";
  }

  /** The HTTP status of a failure, or 0 when there was no answer. */
  static int status(RuntimeException e) {
    if (e instanceof BlobStorageException b) {
      return b.getStatusCode();
    }
    if (e instanceof HttpResponseException h && h.getResponse() != null) {
      return h.getResponse().getStatusCode();
    }
    return 0;
  }

  /** Whether a failure is Azure's answer that the blob (not its container) does not exist. */
  static boolean isBlobNotFound(RuntimeException e) {
    String code = code(e);
    return status(e) == 404
        && (code.isEmpty() || code.equals(BlobErrorCode.BLOB_NOT_FOUND.toString()));
  }

  /**
   * Translates a failure that no operation-specific rule handled.
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
              + "Azure Blob Storage at "
              + endpoint
              + " did not answer in time ("
              + AzureSettings.CONNECT_TIMEOUT_SECONDS.key()
              + ", "
              + AzureSettings.READ_TIMEOUT_SECONDS.key()
              + ")",
          e);
    }
    if (status == 0) {
      return new StateStoreException(
          ErrorKind.UNAVAILABLE,
          where
              + "Azure Blob Storage could not be reached at "
              + endpoint
              + " ("
              + describeCause(e)
              + ")",
          e);
    }
    String code = code(e);
    String answer = "Azure answered " + status + (code.isEmpty() ? "" : " " + code);
    if (code.equals(BlobErrorCode.CONTAINER_NOT_FOUND.toString())) {
      return new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          where
              + "the container '"
              + container
              + "' does not exist at "
              + endpoint
              + " ("
              + answer
              + "); create it or fix the URI",
          e);
    }
    if (status == 401 || status == 403 || DENIED_CODES.contains(code)) {
      return new StateStoreException(
          ErrorKind.DENIED,
          where
              + answer
              + ": the store refused the connection string from "
              + credentialSource
              + " (check its AccountName and AccountKey or SharedAccessSignature, and the"
              + " permissions on container '"
              + container
              + "')",
          e);
    }
    return new StateStoreException(ErrorKind.UNAVAILABLE, where + answer, e);
  }

  /** A connect or read timeout of the transport, or the retry policy's limit on one attempt. */
  private static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof java.net.http.HttpTimeoutException
          || t instanceof java.net.SocketTimeoutException
          || t instanceof java.util.concurrent.TimeoutException) {
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
          || (t instanceof InterruptedIOException
              && !(t instanceof java.net.SocketTimeoutException))) {
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
