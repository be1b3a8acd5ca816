package io.statestore.backend.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.HttpPipelineNextPolicy;
import com.azure.core.http.HttpPipelineNextSyncPolicy;
import com.azure.core.http.HttpPipelinePosition;
import com.azure.core.http.HttpResponse;
import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.core.util.Context;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.publisher.Mono;

/**
 * Counts the attempts the SDK's retry policy makes for one request. A conditional write whose first
 * attempt succeeded but whose answer was lost fails on the retry (the blob exists, or has a new
 * ETag: its own); the count tells the backend when to check for that.
 */
final class RetryCountingPolicy implements HttpPipelinePolicy {
  private static final String KEY = "io.statestore.backend.azure.attempts";

  /** A context that counts the attempts of the request it is passed to. */
  static Context newContext() {
    return new Context(KEY, new AtomicInteger());
  }

  /** How many attempts were made with a context from {@link #newContext()}; 0 if not counted. */
  static int attempts(Context context) {
    return context.getData(KEY).map(v -> ((AtomicInteger) v).get()).orElse(0);
  }

  private static void count(HttpPipelineCallContext context) {
    context.getData(KEY).ifPresent(v -> ((AtomicInteger) v).incrementAndGet());
  }

  @Override
  public Mono<HttpResponse> process(HttpPipelineCallContext context, HttpPipelineNextPolicy next) {
    count(context);
    return next.process();
  }

  @Override
  public HttpResponse processSync(
      HttpPipelineCallContext context, HttpPipelineNextSyncPolicy next) {
    count(context);
    return next.processSync();
  }

  @Override
  public HttpPipelinePosition getPipelinePosition() {
    return HttpPipelinePosition.PER_RETRY;
  }
}
