package io.statestore.backend.s3;

import io.statestore.core.objectstore.ObjectStoreErrors;
import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.ErrorKind;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.ApiCallAttemptTimeoutException;
import software.amazon.awssdk.core.exception.ApiCallTimeoutException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * How the AWS SDK's failures read: the HTTP status and S3 error code, which answers mean a missing
 * key or bucket, refused credentials, a bucket in another region, a concurrent conditional request
 * or a store without conditional deletes, and the SDK's own timeouts.
 */
final class S3Failures implements ObjectStoreErrors.Reader {
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

  private final String bucket;
  private final String credentialSource;

  /**
   * @param bucket the bucket's name
   * @param credentialSource where the credentials come from, e.g. {@code setting
   *     s3.aws_access_key_id}
   */
  S3Failures(String bucket, String credentialSource) {
    this.bucket = bucket;
    this.credentialSource = credentialSource;
  }

  /**
   * The error mapping of one store.
   *
   * @param endpoint where requests go, safe to show
   */
  static ObjectStoreErrors errors(
      ObjectStoreLocation location, String endpoint, String credentialSource) {
    return new ObjectStoreErrors(
        new ObjectStoreErrors.Naming(
            "S3",
            location,
            "bucket",
            endpoint,
            "the credentials from " + credentialSource,
            "check the access key id, the secret access key and the permissions on bucket '"
                + location.container()
                + "'",
            S3Settings.CONNECT_TIMEOUT_SECONDS.key()
                + ", "
                + S3Settings.READ_TIMEOUT_SECONDS.key()),
        new S3Failures(location.container(), credentialSource));
  }

  @Override
  public String code(RuntimeException e) {
    if (e instanceof AwsServiceException s && s.awsErrorDetails() != null) {
      String code = s.awsErrorDetails().errorCode();
      return code == null ? "" : code;
    }
    return "";
  }

  @Override
  public int status(RuntimeException e) {
    return e instanceof AwsServiceException s ? s.statusCode() : 0;
  }

  @Override
  public boolean isMissingContainer(int status, String code) {
    return "NoSuchBucket".equals(code);
  }

  @Override
  public boolean isDeniedCode(String code) {
    return DENIED_CODES.contains(code);
  }

  @Override
  public boolean isTimeout(Throwable t) {
    return t instanceof ApiCallAttemptTimeoutException
        || t instanceof ApiCallTimeoutException
        || (t instanceof java.io.InterruptedIOException
            && t.getClass().getSimpleName().contains("Timeout"));
  }

  @Override
  public Optional<ObjectStoreErrors.Special> special(
      RuntimeException e, int status, String code, String answer) {
    if (WRONG_REGION_CODES.contains(code) || status == 301) {
      return special(
          ErrorKind.INVALID_CONFIGURATION,
          answer + ": the bucket '" + bucket + "' is in another region; set s3.region");
    }
    if ("NotImplemented".equals(code) || status == 501) {
      return special(ErrorKind.UNSUPPORTED, answer + ": the store does not support this request");
    }
    if (e instanceof SdkClientException && isMissingCredentials(e)) {
      return special(
          ErrorKind.INVALID_CONFIGURATION,
          "no AWS credentials were found in the "
              + credentialSource
              + "; set s3.aws_access_key_id and s3.aws_secret_access_key, put them in the URI"
              + " (s3://key:secret@bucket/prefix), or configure AWS_ACCESS_KEY_ID,"
              + " the shared credentials file or AWS_PROFILE");
    }
    return Optional.empty();
  }

  private static Optional<ObjectStoreErrors.Special> special(ErrorKind kind, String detail) {
    return Optional.of(new ObjectStoreErrors.Special(kind, detail));
  }

  private static boolean isMissingCredentials(RuntimeException e) {
    String m = e.getMessage();
    return m != null && MISSING_CREDENTIALS.matcher(m).find();
  }

  /** S3's answer that a key (not the bucket) does not exist. */
  boolean isMissingKey(RuntimeException e) {
    return status(e) == 404 && !"NoSuchBucket".equals(code(e));
  }

  /** S3's 409 for a conditional request that raced another one on the same key: ask again. */
  boolean isConcurrentConditionalRequest(RuntimeException e) {
    return status(e) == 409 && "ConditionalRequestConflict".equals(code(e));
  }

  /** A store without conditional deletes answers 501, or 400 naming the header as unknown. */
  boolean refusesConditionalDeletes(RuntimeException e) {
    int status = status(e);
    String code = code(e);
    return status == 501
        || (status == 400
            && (code.equals("NotImplemented")
                || code.equals("InvalidArgument")
                || code.equals("InvalidRequest")));
  }
}
