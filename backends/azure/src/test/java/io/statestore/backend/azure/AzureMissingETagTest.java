package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * Answers from Azurite with their ETag taken out, as a store under strain or an Azure-compatible
 * service might give them: the backend must read again, confirm a write by its bytes, or refuse
 * clearly, and never fail with a {@link NullPointerException} or take another writer's lock.
 */
@ExtendWith(AzuriteExtension.class)
class AzureMissingETagTest {
  private static final byte[] MINE = "1723058800.123456".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] THEIRS = "1723058801.654321".getBytes(StandardCharsets.US_ASCII);

  private final AzuriteServer azurite;
  private final StripETag strip = new StripETag();
  private String container;
  private ObjectStoreBackend backend;
  private ObjectStoreBackend plain;

  AzureMissingETagTest(AzuriteServer azurite) {
    this.azurite = azurite;
  }

  /** Removes the ETag from the next {@code remaining} answers to requests of some methods. */
  private static final class StripETag implements HttpPipelinePolicy {
    final AtomicInteger remaining = new AtomicInteger();
    final AtomicReference<Set<HttpMethod>> methods = new AtomicReference<>(Set.of(HttpMethod.GET));
    final AtomicReference<Runnable> afterStrip = new AtomicReference<>(() -> {});

    private HttpResponse strip(HttpPipelineCallContext context, HttpResponse response) {
      if (methods.get().contains(context.getHttpRequest().getHttpMethod())
          && response.getStatusCode() < 300
          && remaining.getAndUpdate(n -> n > 0 ? n - 1 : n) != 0) {
        response.getHeaders().remove(HttpHeaderName.ETAG);
        afterStrip.getAndSet(() -> {}).run();
      }
      return response;
    }

    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      return next.process().map(r -> strip(context, r));
    }

    @Override
    public HttpResponse processSync(
        HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      return strip(context, next.processSync());
    }
  }

  @BeforeEach
  void open() {
    container = azurite.createContainer("etag");
    backend = AzureTestStores.withPolicies(azurite, container, strip);
    plain = AzureTestStores.withPolicies(azurite, container);
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
  }

  private void stripNext(HttpMethod method, int count) {
    stripNext(Set.of(method), count);
  }

  private void stripNext(Set<HttpMethod> methods, int count) {
    strip.methods.set(methods);
    strip.remaining.set(count);
  }

  @Test
  void aReadAnsweredWithoutETagIsMadeAgain() {
    Version v = plain.write("a", ObjectKind.STATE, MINE, Precondition.none());
    stripNext(HttpMethod.GET, 2);
    assertEquals(v, backend.read("a", ObjectKind.STATE).orElseThrow().version());
    assertEquals(0, strip.remaining.get(), "both stripped answers were seen");
  }

  @Test
  void aStoreThatNeverShowsETagsIsRefusedClearly() {
    plain.write("a", ObjectKind.STATE, MINE, Precondition.none());
    stripNext(HttpMethod.GET, -1);
    StateStoreException e =
        assertThrows(StateStoreException.class, () -> backend.read("a", ObjectKind.STATE));
    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
    assertTrue(e.getMessage().contains("no ETag"), e.getMessage());
  }

  @Test
  void aLockCreatedWithoutETagIsConfirmedByItsBytes() {
    stripNext(HttpMethod.PUT, 1);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(v, plain.read("a", ObjectKind.LOCK).orElseThrow().version());
  }

  @Test
  void aLockReplacedRightAfterItsETaglessCreateIsNotOurs() {
    stripNext(HttpMethod.PUT, 1);
    strip.afterStrip.set(() -> plain.write("a", ObjectKind.LOCK, THEIRS, Precondition.none()));
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent()));
    assertEquals(ErrorKind.ALREADY_EXISTS, e.kind());
    assertArrayEquals(THEIRS, plain.read("a", ObjectKind.LOCK).orElseThrow().content());
  }

  @Test
  void aLockThatCannotBeConfirmedIsRemovedAgain() {
    stripNext(HttpMethod.PUT, 1);
    // From then on the store shows no ETag at all, neither with the blob nor with its properties.
    strip.afterStrip.set(() -> stripNext(Set.of(HttpMethod.GET, HttpMethod.HEAD), -1));
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent()));
    assertEquals(ErrorKind.UNSUPPORTED, e.kind());
    assertTrue(plain.read("a", ObjectKind.LOCK).isEmpty(), "no lock is left behind");
  }
}
