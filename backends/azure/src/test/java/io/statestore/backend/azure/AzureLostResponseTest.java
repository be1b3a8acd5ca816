package io.statestore.backend.azure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import reactor.core.publisher.Mono;

/**
 * A conditional write or delete whose first attempt reached Azure but whose answer was lost: the
 * SDK retries, the retry finds the condition broken by our own first attempt, and the backend must
 * not report that as someone else's write.
 */
@ExtendWith(AzuriteExtension.class)
class AzureLostResponseTest {
  private static final byte[] MINE = "1723058800.123456".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] THEIRS = "1723058801.654321".getBytes(StandardCharsets.US_ASCII);

  private final AzuriteServer azurite;
  private final LoseFirstAnswer lose = new LoseFirstAnswer();
  private String container;
  private ObjectStoreBackend backend;

  AzureLostResponseTest(AzuriteServer azurite) {
    this.azurite = azurite;
  }

  /** Lets the next write or delete reach the server, then drops its answer once. */
  private static final class LoseFirstAnswer implements HttpPipelinePolicy {
    final AtomicBoolean armed = new AtomicBoolean();
    final AtomicInteger lost = new AtomicInteger();

    private boolean fire(HttpPipelineCallContext context) {
      HttpMethod m = context.getHttpRequest().getHttpMethod();
      return (m == HttpMethod.PUT || m == HttpMethod.DELETE) && armed.compareAndSet(true, false);
    }

    @Override
    public Mono<HttpResponse> process(
        HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
      if (!fire(context)) {
        return next.process();
      }
      return next.process()
          .flatMap(
              r -> {
                r.close();
                lost.incrementAndGet();
                return Mono.error(new IOException("simulated: connection reset after the request"));
              });
    }

    @Override
    public HttpResponse processSync(
        HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
      if (!fire(context)) {
        return next.processSync();
      }
      next.processSync().close();
      lost.incrementAndGet();
      throw new UncheckedIOException(
          new IOException("simulated: connection reset after the request"));
    }
  }

  @BeforeEach
  void open() {
    container = azurite.createContainer("lost");
    backend = AzureTestStores.withPolicies(azurite, container, lose);
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
  }

  @Test
  void aCreateWhoseAnswerWasLostIsOurs() {
    lose.armed.set(true);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent());
    assertEquals(1, lose.lost.get(), "the first answer was dropped");
    assertEquals(v, backend.read("a", ObjectKind.LOCK).orElseThrow().version());
  }

  @Test
  void aCompareAndSetWhoseAnswerWasLostIsOurs() {
    Version old = backend.write("a", ObjectKind.LOCK, THEIRS, Precondition.none());
    lose.armed.set(true);
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.matches(old));
    assertEquals(1, lose.lost.get());
    assertEquals(v, backend.read("a", ObjectKind.LOCK).orElseThrow().version());
    assertArrayEquals(MINE, backend.read("a", ObjectKind.LOCK).orElseThrow().content());
  }

  @Test
  void aConditionalDeleteWhoseAnswerWasLostDeleted() {
    Version v = backend.write("a", ObjectKind.LOCK, MINE, Precondition.none());
    lose.armed.set(true);
    assertTrue(backend.delete("a", ObjectKind.LOCK, Precondition.matches(v)));
    assertEquals(1, lose.lost.get());
    assertTrue(backend.read("a", ObjectKind.LOCK).isEmpty());
  }

  @Test
  void someoneElsesObjectIsStillRefusedAfterARetry() {
    backend.write("a", ObjectKind.LOCK, THEIRS, Precondition.none());
    lose.armed.set(true);
    StateStoreException e =
        assertThrows(
            StateStoreException.class,
            () -> backend.write("a", ObjectKind.LOCK, MINE, Precondition.absent()));
    assertEquals(ErrorKind.ALREADY_EXISTS, e.kind());
    assertEquals(1, lose.lost.get());
    assertArrayEquals(THEIRS, backend.read("a", ObjectKind.LOCK).orElseThrow().content());
  }
}
