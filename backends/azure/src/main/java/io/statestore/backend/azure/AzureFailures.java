package io.statestore.backend.azure;

import com.azure.core.exception.HttpResponseException;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobStorageException;
import io.statestore.core.objectstore.ObjectStoreErrors;
import java.util.Set;

/**
 * How the Azure Storage Blob SDK's failures read: the HTTP status, Azure's error code ({@code
 * x-ms-error-code}), and which answers mean a missing blob, a missing container, a failed condition
 * or refused credentials.
 */
final class AzureFailures implements ObjectStoreErrors.Reader {
  static final AzureFailures INSTANCE = new AzureFailures();

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

  private AzureFailures() {}

  @Override
  public String code(RuntimeException e) {
    if (e instanceof BlobStorageException b && b.getErrorCode() != null) {
      return b.getErrorCode().toString();
    }
    return "";
  }

  @Override
  public int status(RuntimeException e) {
    if (e instanceof BlobStorageException b) {
      return b.getStatusCode();
    }
    if (e instanceof HttpResponseException h && h.getResponse() != null) {
      return h.getResponse().getStatusCode();
    }
    return 0;
  }

  @Override
  public boolean isMissingContainer(int status, String code) {
    return code.equals(BlobErrorCode.CONTAINER_NOT_FOUND.toString());
  }

  @Override
  public boolean isDeniedCode(String code) {
    return DENIED_CODES.contains(code);
  }

  /** Whether a failure is Azure's answer that the blob (not its container) does not exist. */
  boolean isBlobNotFound(RuntimeException e) {
    String code = code(e);
    return status(e) == 404
        && (code.isEmpty() || code.equals(BlobErrorCode.BLOB_NOT_FOUND.toString()));
  }

  /**
   * Whether a failure is Azure's answer that an {@code If-Match} or {@code If-None-Match} failed.
   */
  boolean isConditionNotMet(RuntimeException e) {
    String code = code(e);
    return status(e) == 412
        && (code.isEmpty() || code.equals(BlobErrorCode.CONDITION_NOT_MET.toString()));
  }

  /** Whether a failure is Azure's answer that a create-if-absent found the blob. */
  boolean isAlreadyThere(RuntimeException e) {
    return (status(e) == 409 && code(e).equals(BlobErrorCode.BLOB_ALREADY_EXISTS.toString()))
        || isConditionNotMet(e);
  }
}
