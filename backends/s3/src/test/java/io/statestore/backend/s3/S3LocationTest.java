package io.statestore.backend.s3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class S3LocationTest {

  private static S3Location parse(String uri) {
    return S3Location.parse(StoreLocation.parse(uri));
  }

  @ParameterizedTest
  @CsvSource({
    "s3://bucket, bucket, ''",
    "s3://bucket/, bucket, ''",
    "s3://bucket/state, bucket, state",
    "s3://bucket/state/, bucket, state",
    "s3://bucket//a/b//, bucket, a/b",
    "s3://my.bucket-1/meltano/state/dev, my.bucket-1, meltano/state/dev",
    "s3://bucket/with%20escape, bucket, with%20escape",
    "s3://bucket/p?s3.region=eu-west-1, bucket, p",
  })
  void bucketAndPrefix(String uri, String bucket, String prefix) {
    S3Location l = parse(uri);
    assertEquals(bucket, l.bucket());
    assertEquals(prefix, l.prefix());
    assertTrue(l.userInfo().isEmpty());
    assertEquals("s3://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix), l.toString());
  }

  @Test
  void userInfoIsUrlDecodedAndNeverShown() {
    S3Location l = parse("s3://AKIAEXAMPLE:se%2Fcr+et%3A%40x@bucket/prefix");
    StaticKeys keys = l.userInfo().orElseThrow();
    assertEquals("AKIAEXAMPLE", keys.accessKeyId());
    assertEquals("se/cr+et:@x", keys.secretAccessKey());
    assertEquals("s3://bucket/prefix", l.toString());
    assertFalse(keys.toString().contains("se/cr"));
    assertFalse(keys.toString().contains("AKIAEXAMPLE"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "s3:",
        "s3:bucket/prefix",
        "s3:///prefix",
        "s3://",
        "s3://key:secret@/prefix",
        "s3://buc ket/prefix",
        "s3://-bucket/x",
        "s3://key@bucket/prefix",
        "s3://key:@bucket/prefix"
      })
  void malformedUrisFailFast(String uri) {
    StateStoreException e = assertThrows(StateStoreException.class, () -> parse(uri));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().startsWith("The s3 URI"), e.getMessage());
  }

  @Test
  void anUnescapedSlashInTheSecretIsRefusedWithoutShowingIt() {
    StateStoreException e =
        assertThrows(
            StateStoreException.class, () -> parse("s3://AKIAEXAMPLE:abc/TOPSECRET@bucket/prefix"));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().contains("%2F"), e.getMessage());
    assertFalse(e.getMessage().contains("TOPSECRET"));
    assertFalse(e.getMessage().contains("abc"));
  }
}
