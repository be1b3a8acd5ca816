package io.statestore.backend.s3;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Maps AWS SDK failures onto {@link ErrorKind}s with messages that name the store, the bucket and
 * where the credentials came from, never their values. Service messages are not copied into ours
 * (S3 echoes request details in some of them); the SDK exception stays as the cause.
 */
final class S3Errors {
  private static final Set<String> DENIED_CODES =
      Set.of(
          "AccessDenied",
          "InvalidAccessKeyId",
          "SignatureDoesNotMatch",
          "ExpiredToken",
          "InvalidToken",
          "TokenRefreshRequired",
          "AllAccessDisabled",
          "AccountProblem",
          "InvalidSecurity");
  private static final Set<String> WRONG_REGION_CODES =
      Set.of(
          "PermanentRedirect",
          "AuthorizationHeaderMalformed",
          "IllegalLocationConstraintException");

  private static final Pattern MISSING_CREDENTIALS =
      Pattern.compile("(?i)unable to load credentials|contained no credentials");

  private final String store;
  private final String bucket;
  private final String credentialSource;

  /**
   * @param store the store as {@code s3://bucket/prefix}
   * @param bucket the bucket name
   * @param credentialSource where the credentials come from, e.g. {@code setting
   *     s3.aws_access_key_id}
   */
  S3Errors(String store, String bucket, String credentialSource) {
    this.store = store;
    this.bucket = bucket;
    this.credentialSource = credentialSource;
  }

  /** The S3 error code of a service exception, or {@code ""}. */
  static String code(SdkException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      String code = s.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  /** The HTTP status of a service exception, or 0. */
  static int status(SdkException e) {
    return e instanceof AwsServiceException s ? s.statusCode() : 0;
  }

  /**
   * Translates a failure that no operation-specific rule handled.
   *
   * @param action what was being done, e.g. {@code "reading state.json of state_id 'x'"}
   */
  StateStoreException translate(SdkException e, String action) {
    String where = "Failed " + action + " in " + store + ": ";
    String code = code(e);
    int status = status(e);
    if (e instanceof AwsServiceException) {
      String what = "S3 answered " + status + (code.isEmpty() ? "" : " " + code);
      if ("NoSuchBucket".equals(code)) {
        return new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            where + "the bucket '" + bucket + "' does not exist (" + what + ")",
            e);
      }
      if (DENIED_CODES.contains(code) || status == 401 || status == 403) {
        return new StateStoreException(
            ErrorKind.DENIED,
            where
                + what
                + ": the store refused the credentials from "
                + credentialSource
                + " (check the access key id, the secret access key and the permissions on bucket '"
                + bucket
                + "')",
            e);
      }
      if (WRONG_REGION_CODES.contains(code) || status == 301) {
        return new StateStoreException(
            ErrorKind.INVALID_CONFIGURATION,
            where + what + ": the bucket '" + bucket + "' is in another region; set s3.region",
            e);
      }
      if ("NotImplemented".equals(code) || status == 501) {
        return new StateStoreException(
            ErrorKind.UNSUPPORTED, where + what + ": the store does not support this request", e);
      }
      return new StateStoreException(ErrorKind.UNAVAILABLE, where + what, e);
    }
    if (e instanceof SdkClientException && isMissingCredentials(e)) {
      return new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          where
              + "no AWS credentials were found in the "
              + credentialSource
              + "; set s3.aws_access_key_id and s3.aws_secret_access_key, put them in the URI"
              + " (s3://key:secret@bucket/prefix), or configure AWS_ACCESS_KEY_ID,"
              + " the shared credentials file or AWS_PROFILE",
          e);
    }
    if (isTimeout(e)) {
      return new StateStoreException(
          ErrorKind.TIMEOUT,
          where
              + "the store did not answer in time ("
              + S3Settings.CONNECT_TIMEOUT_SECONDS.key()
              + ", "
              + S3Settings.READ_TIMEOUT_SECONDS.key()
              + ")",
          e);
    }
    return new StateStoreException(
        ErrorKind.UNAVAILABLE,
        where
            + "the store could not be reached ("
            + StoreLocation.redact(String.valueOf(e.getMessage()))
            + ")",
        e);
  }

  /** A connect or read timeout, or the SDK's own attempt or call timeout. */
  static boolean isTimeout(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof ApiCallAttemptTimeoutException
          || t instanceof ApiCallTimeoutException
          || t instanceof java.net.SocketTimeoutException
          || (t instanceof java.io.InterruptedIOException
              && t.getClass().getSimpleName().contains("Timeout"))) {
        return true;
      }
    }
    return false;
  }

  private static boolean isMissingCredentials(SdkException e) {
    String m = e.getMessage();
    return m != null && MISSING_CREDENTIALS.matcher(m).find();
  }

  /** A store without conditional deletes answers 501, or 400 naming the header as unknown. */
  static boolean refusesConditionalDeletes(SdkException e) {
    int status = status(e);
    String code = code(e);
    return status == 501
        || (status == 400
            && (code.equals("NotImplemented")
                || code.equals("InvalidArgument")
                || code.equals("InvalidRequest")));
  }

  static boolean isMissingKey(SdkException e) {
    return status(e) == 404 && !"NoSuchBucket".equals(code(e));
  }

  /** S3's 409 for a conditional request that raced another one on the same key: retry it. */
  static boolean isConcurrentConditionalRequest(SdkException e) {
    return status(e) == 409 && "ConditionalRequestConflict".equals(code(e));
  }
}
