package io.statestore.backend.azure;

import com.azure.core.http.HttpHeaderName;
import com.azure.core.http.HttpHeaders;
import com.azure.core.http.HttpRequest;
import com.azure.core.http.HttpResponse;
import com.azure.core.util.BinaryData;
import java.nio.ByteBuffer;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A response of {@link JavaNetHttpClient}, its body already read into memory. */
final class BufferedHttpResponse extends HttpResponse {
  private final int status;
  private final HttpHeaders headers;
  private final byte[] body;

  BufferedHttpResponse(HttpRequest request, java.net.http.HttpResponse<byte[]> response) {
    super(request);
    this.status = response.statusCode();
    this.headers = new HttpHeaders();
    for (Map.Entry<String, List<String>> e : response.headers().map().entrySet()) {
      if (!e.getKey().startsWith(":")) {
        headers.set(HttpHeaderName.fromString(e.getKey()), e.getValue());
      }
    }
    this.body = response.body() == null ? new byte[0] : response.body();
  }

  @Override
  public int getStatusCode() {
    return status;
  }

  @Override
  @Deprecated
  public String getHeaderValue(String name) {
    return headers.getValue(HttpHeaderName.fromString(name));
  }

  @Override
  public String getHeaderValue(HttpHeaderName name) {
    return headers.getValue(name);
  }

  @Override
  public HttpHeaders getHeaders() {
    return headers;
  }

  @Override
  public Flux<ByteBuffer> getBody() {
    return Flux.defer(() -> Flux.just(ByteBuffer.wrap(body).asReadOnlyBuffer()));
  }

  @Override
  public Mono<byte[]> getBodyAsByteArray() {
    return Mono.fromSupplier(body::clone);
  }

  @Override
  public BinaryData getBodyAsBinaryData() {
    return BinaryData.fromBytes(body);
  }

  @Override
  public Mono<String> getBodyAsString() {
    return getBodyAsString(StandardCharsets.UTF_8);
  }

  @Override
  public Mono<String> getBodyAsString(Charset charset) {
    return Mono.fromSupplier(() -> new String(body, charset));
  }
}
