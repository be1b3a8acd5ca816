package io.statestore.backend.azure;

import com.azure.core.http.HttpClient;
import com.azure.core.http.HttpHeader;
import com.azure.core.http.HttpMethod;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import reactor.core.publisher.Mono;

/**
 * The Azure SDK's HTTP transport on {@code java.net.http}, buffering each body in memory (state
 * documents are small and bounded by {@code max_body_bytes}).
 *
 * <p>The SDK's own JDK adapter logs a WARN on every request with a body because it may not pass
 * {@code Content-Length} on to {@code java.net.http}; here the body is handed over as a byte array,
 * whose length the JDK sends itself, so the headers the JDK reserves are simply left out.
 */
final class JavaNetHttpClient implements HttpClient {
  /** Headers {@code java.net.http} sets itself and refuses from callers. */
  private static final Set<String> RESERVED =
      Set.of("connection", "content-length", "expect", "host", "upgrade");

  private final java.net.http.HttpClient client;
  private final Duration requestTimeout;

  JavaNetHttpClient(Duration connectTimeout, Duration requestTimeout) {
    this.client =
        java.net.http.HttpClient.newBuilder()
            .connectTimeout(connectTimeout)
            // Blob Storage speaks HTTP/1.1; over plain http (Azurite, private endpoints) the JDK
            // would otherwise try an h2c upgrade on every new connection.
            .version(java.net.http.HttpClient.Version.HTTP_1_1)
            .followRedirects(java.net.http.HttpClient.Redirect.NEVER)
            .build();
    this.requestTimeout = requestTimeout;
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request) {
    return send(request, Context.NONE);
  }

  @Override
  public Mono<HttpResponse> send(HttpRequest request, Context context) {
    return Mono.fromCallable(() -> toJdk(request))
        .flatMap(r -> Mono.fromFuture(client.sendAsync(r, BodyHandlers.ofByteArray())))
        .map(r -> new BufferedHttpResponse(request, r));
  }

  @Override
  public HttpResponse sendSync(HttpRequest request, Context context) {
    try {
      return new BufferedHttpResponse(
          request, client.send(toJdk(request), BodyHandlers.ofByteArray()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for Azure Blob Storage", e);
    }
  }

  private java.net.http.HttpRequest toJdk(HttpRequest request) {
    java.net.http.HttpRequest.Builder builder;
    try {
      builder = java.net.http.HttpRequest.newBuilder(request.getUrl().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("Not a valid request URL", e);
    }
    builder.timeout(requestTimeout);
    for (HttpHeader header : request.getHeaders()) {
      if (!RESERVED.contains(header.getName().toLowerCase(Locale.ROOT))) {
        for (String value : header.getValuesList()) {
          builder.header(header.getName(), value);
        }
      }
    }
    return builder.method(request.getHttpMethod().name(), body(request)).build();
  }

  private static BodyPublisher body(HttpRequest request) {
    BinaryData data = request.getBodyAsBinaryData();
    HttpMethod method = request.getHttpMethod();
    if (data == null) {
      return method == HttpMethod.PUT || method == HttpMethod.POST
          ? BodyPublishers.ofByteArray(new byte[0])
          : BodyPublishers.noBody();
    }
    return BodyPublishers.ofByteArray(data.toBytes());
  }
}
