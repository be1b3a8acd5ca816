package io.statestore.backend.gcs;

import com.google.api.client.http.HttpExecuteInterceptor;
import com.google.api.client.http.HttpRequestInitializer;
import com.google.cloud.ServiceOptions;
import com.google.cloud.http.HttpTransportOptions;

/**
 * Counts the HTTP attempts the SDK's retries make for one operation on the calling thread. A
 * conditional write whose first attempt succeeded but whose answer was lost fails on the retry (the
 * object exists, or has a new generation: its own); the count tells the backend when to check for
 * that. The SDK's JSON API client runs every attempt of a call on the caller's thread.
 */
final class RetryCountingTransport extends HttpTransportOptions {
  private static final long serialVersionUID = 1L;
  private static final ThreadLocal<int[]> ATTEMPTS = new ThreadLocal<>();

  /** Transport options with the given timeouts that count attempts. */
  RetryCountingTransport(Builder builder) {
    super(builder);
  }

  /** Starts counting the attempts of the calling thread's next operation. */
  static void start() {
    ATTEMPTS.set(new int[1]);
  }

  /** The attempts made since {@link #start()} on this thread, and stops counting. */
  static int stop() {
    int[] count = ATTEMPTS.get();
    ATTEMPTS.remove();
    return count == null ? 0 : count[0];
  }

  @Override
  public HttpRequestInitializer getHttpRequestInitializer(ServiceOptions<?, ?> serviceOptions) {
    HttpRequestInitializer delegate = super.getHttpRequestInitializer(serviceOptions);
    return request -> {
      delegate.initialize(request);
      HttpExecuteInterceptor inner = request.getInterceptor();
      request.setInterceptor(
          sent -> {
            int[] count = ATTEMPTS.get();
            if (count != null) {
              count[0]++;
            }
            if (inner != null) {
              inner.intercept(sent);
            }
          });
    };
  }
}
