package io.statestore.backend.gcs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoreLocation;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** How {@code gs://} URIs and the endpoint setting are read, and how bad ones are refused. */
class GcsLocationTest {

  private static ObjectStoreLocation parse(String uri) {
    return GcsBackendProvider.location(StoreLocation.parse(uri));
  }

  @ParameterizedTest
  @CsvSource({
    "gs://bucket/meltano/state, bucket, meltano/state, gs://bucket/meltano/state",
    "gs://bucket//meltano/state//, bucket, meltano/state, gs://bucket/meltano/state",
    "gs://bucket, bucket, '', gs://bucket",
    "gs://bucket/, bucket, '', gs://bucket",
    "gs://my_bucket.example.com/p%20q, my_bucket.example.com, p%20q,"
        + " gs://my_bucket.example.com/p%20q",
    "GS://b-1/x, b-1, x, gs://b-1/x"
  })
  void bucketAndPrefixAreReadAsMeltanoReadsThem(
      String uri, String bucket, String prefix, String described) {
    ObjectStoreLocation location = parse(uri);
    assertEquals(bucket, location.container());
    assertEquals(prefix, location.prefix());
    assertEquals(described, location.describe());
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "gs:bucket/p",
        "gs:///p",
        "gs://Bucket/p",
        "gs://ab/p",
        "gs://-bucket/p",
        "gs://bucket-/p",
        "gs://bu..cket/p",
        "gs://bucket:443/p",
        "gs://key:secret@bucket/p",
        "gs://a234567890123456789012345678901234567890123456789012345678901234/p",
        "gs://bucket/p?unknown=1"
      })
  void malformedUrisAreRefusedNamingTheProblem(String uri) {
    StateStoreException e = assertThrows(StateStoreException.class, () -> parse(uri));
    assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
    assertTrue(e.getMessage().startsWith("Cloud Storage URI"), e.getMessage());
    assertFalse(e.getMessage().contains("secret"), e.getMessage());
  }

  @Test
  void endpointsAreNormalisedAndCheckedWithoutShowingUserInfo() {
    assertEquals(Optional.empty(), GcsClients.endpoint(Optional.empty()));
    assertEquals(Optional.empty(), GcsClients.endpoint(Optional.of("  ")));
    assertEquals(
        Optional.of("http://127.0.0.1:4443"),
        GcsClients.endpoint(Optional.of(" http://127.0.0.1:4443/ ")));
    assertEquals(
        Optional.of("https://gcs.internal.example/proxy"),
        GcsClients.endpoint(Optional.of("HTTPS://gcs.internal.example/proxy/")));
    for (String bad :
        new String[] {"127.0.0.1:4443", "ftp://host", "http://u:hunter2@host", "http://h/?k=v"}) {
      StateStoreException e =
          assertThrows(StateStoreException.class, () -> GcsClients.endpoint(Optional.of(bad)));
      assertEquals(ErrorKind.INVALID_CONFIGURATION, e.kind());
      assertTrue(e.getMessage().contains(GcsSettings.ENDPOINT.key()), e.getMessage());
      assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
    }
  }
}
