package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreErrors;
import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.s3.model.S3Exception;

class S3ErrorsTest {
  private final ObjectStoreErrors errors =
      S3Failures.errors(
          ObjectStoreLocation.of("s3", "bucket", "prefix"),
          "http://127.0.0.1:9000",
          "setting s3.aws_access_key_id");

  private static S3Exception s3(int status, String code) {
    return (S3Exception)
        S3Exception.builder()
            .statusCode(status)
            .awsErrorDetails(AwsErrorDetails.builder().errorCode(code).build())
            .build();
  }

  @ParameterizedTest
  @CsvSource({
    "403, SignatureDoesNotMatch, DENIED",
    "403, InvalidAccessKeyId, DENIED",
    "403, AccessDenied, DENIED",
    "400, ExpiredToken, DENIED",
    "404, NoSuchBucket, INVALID_CONFIGURATION",
    "301, PermanentRedirect, INVALID_CONFIGURATION",
    "400, AuthorizationHeaderMalformed, INVALID_CONFIGURATION",
    "501, NotImplemented, UNSUPPORTED",
    "500, InternalError, UNAVAILABLE",
    "503, SlowDown, UNAVAILABLE",
  })
  void serviceErrors(int status, String code, ErrorKind kind) {
    StateStoreException e = errors.translate(s3(status, code), "reading x");
    assertEquals(kind, e.kind());
    assertTrue(e.getMessage().startsWith("Failed reading x in s3://bucket/prefix: "));
    assertTrue(e.getMessage().contains(code), e.getMessage());
  }

  @Test
  void deniedNamesTheCredentialSource() {
    StateStoreException e = errors.translate(s3(403, "SignatureDoesNotMatch"), "reading x");
    assertTrue(
        e.getMessage().contains("refused the credentials from setting s3.aws_access_key_id"),
        e.getMessage());
  }

  @Test
  void clientErrors() {
    assertEquals(
        ErrorKind.UNAVAILABLE,
        errors.translate(SdkClientException.create("Connection refused"), "reading x").kind());
    StateStoreException none =
        errors.translate(
            SdkClientException.create(
                "Unable to load credentials from any of the providers in the chain"),
            "reading x");
    assertEquals(ErrorKind.INVALID_CONFIGURATION, none.kind());
    assertTrue(none.getMessage().contains("no AWS credentials"), none.getMessage());
  }
}
