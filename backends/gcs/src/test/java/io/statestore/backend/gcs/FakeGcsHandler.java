package io.statestore.backend.gcs;

import static io.statestore.backend.gcs.FakeGcsHttp.JSON;
import static io.statestore.backend.gcs.FakeGcsHttp.crc32c;
import static io.statestore.backend.gcs.FakeGcsHttp.error;
import static io.statestore.backend.gcs.FakeGcsHttp.json;
import static io.statestore.backend.gcs.FakeGcsHttp.md5;
import static io.statestore.backend.gcs.FakeGcsHttp.unsupported;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import io.statestore.backend.gcs.FakeGcsHttp.Failure;
import io.statestore.backend.gcs.FakeGcsHttp.Response;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of one {@link FakeGcsServer}: routes each to the bucket or object call it names,
 * applies the server's injected faults and required accounts, carries out gets, downloads, uploads
 * and deletes under their generation preconditions, and issues the OAuth tokens of the {@code
 * /token} endpoint. Listings are {@link FakeGcsListing}'s.
 */
final class FakeGcsHandler {
  private static final Logger LOG = LoggerFactory.getLogger(FakeGcsServer.class);

  private final FakeGcsServer server;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  FakeGcsHandler(FakeGcsServer server) {
    this.server = server;
  }

  /** Answers one exchange; never lets an exception out except an I/O failure of the exchange. */
  void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      Response response;
      try {
        response = route(exchange);
      } catch (Failure f) {
        response = error(f.status, f.reason, f.getMessage());
      } catch (RuntimeException e) {
        LOG.warn("Fake Cloud Storage server failed on {}", exchange.getRequestURI(), e);
        response = error(500, "internalError", String.valueOf(e));
      }
      exchange.getResponseHeaders().putAll(response.headers);
      byte[] body = response.body;
      if (exchange.getRequestMethod().equals("HEAD") || body.length == 0) {
        exchange.sendResponseHeaders(response.status, -1);
      } else {
        exchange.sendResponseHeaders(response.status, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    }
  }

  private Response route(HttpExchange exchange) throws IOException {
    String method = exchange.getRequestMethod();
    URI uri = exchange.getRequestURI();
    List<String> path = FakeGcsHttp.segments(uri.getRawPath());
    Map<String, String> query = FakeGcsHttp.query(uri.getRawQuery());
    byte[] body = FakeGcsHttp.body(exchange);
    if (method.equals("POST") && path.equals(List.of("token"))) {
      return token(body);
    }
    int api = path.indexOf("v1");
    boolean upload = !path.isEmpty() && path.get(0).equals("upload");
    if (api < 1
        || !path.get(api - 1).equals("storage")
        || path.size() < api + 3
        || !path.get(api + 1).equals("b")) {
      return unsupported(method, uri);
    }
    String bucket = path.get(api + 2);
    List<String> rest = path.subList(api + 3, path.size());
    if (rest.isEmpty() && method.equals("GET") && !upload) {
      return getBucket(bucket);
    }
    if (rest.isEmpty() || !rest.get(0).equals("o") || rest.size() > 2) {
      return unsupported(method, uri);
    }
    server.countObjectRequest();
    authorize(exchange);
    boolean lose = false;
    Integer fault = server.nextFault();
    if (fault != null && fault > 0) {
      return error(fault, fault == 429 ? "rateLimitExceeded" : "backendError", "injected fault");
    }
    if (fault != null) {
      lose = true;
    }
    Response response;
    if (rest.size() == 1 && upload && method.equals("POST")) {
      response = upload(bucket, query, exchange, body);
    } else if (rest.size() == 1 && !upload && method.equals("GET")) {
      server.countListRequest();
      response = FakeGcsListing.list(server, bucket, query);
    } else if (rest.size() == 2 && !upload && method.equals("GET")) {
      response = get(bucket, rest.get(1), query);
    } else if (rest.size() == 2 && !upload && method.equals("DELETE")) {
      response = delete(bucket, rest.get(1), query);
    } else {
      return unsupported(method, uri);
    }
    return lose ? error(503, "backendError", "injected lost response") : response;
  }

  private Response getBucket(String name) {
    if (!server.hasBucket(name)) {
      throw new Failure(404, "notFound", "The specified bucket does not exist.");
    }
    ObjectNode b = JSON.createObjectNode();
    b.put("kind", "storage#bucket");
    b.put("id", name);
    b.put("name", name);
    b.put("location", "US");
    b.put("storageClass", "STANDARD");
    return json(200, b);
  }

  private Response get(String bucketName, String name, Map<String, String> query) {
    FakeObject o = server.bucket(bucketName).get(name);
    if (o == null
        || (query.containsKey("generation")
            && o.generation() != Long.parseLong(query.get("generation")))) {
      throw new Failure(404, "notFound", "No such object: " + bucketName + "/" + name);
    }
    checkPreconditions(o, query);
    if ("media".equals(query.get("alt"))) {
      Response r = new Response(200, o.content());
      r.headers.put("Content-Type", List.of(o.contentType()));
      r.headers.put("x-goog-generation", List.of(Long.toString(o.generation())));
      r.headers.put("x-goog-metageneration", List.of(Long.toString(o.metageneration())));
      r.headers.put("x-goog-stored-content-length", List.of(Integer.toString(o.content().length)));
      r.headers.put("x-goog-hash", List.of("crc32c=" + crc32c(o.content())));
      return r;
    }
    ObjectNode answer = resource(bucketName, o);
    AtomicInteger replacements = server.churn(bucketName, name);
    if (replacements != null && replacements.getAndDecrement() > 0) {
      server.putObject(bucketName, name, o.content(), o.contentType());
    }
    return json(200, answer);
  }

  private Response delete(String bucketName, String name, Map<String, String> query) {
    NavigableMap<String, FakeObject> objects = server.bucket(bucketName);
    synchronized (objects) {
      FakeObject o = objects.get(name);
      if (o == null) {
        throw new Failure(404, "notFound", "No such object: " + bucketName + "/" + name);
      }
      checkPreconditions(o, query);
      objects.remove(name);
    }
    return new Response(204, new byte[0]);
  }

  private Response upload(
      String bucketName, Map<String, String> query, HttpExchange exchange, byte[] body)
      throws IOException {
    String uploadType = query.getOrDefault("uploadType", "");
    String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
    JsonNode meta;
    byte[] content;
    if (uploadType.equals("multipart")) {
      String boundary = MultipartBody.boundary(contentType);
      if (boundary == null) {
        throw new Failure(400, "invalid", "multipart upload without a boundary");
      }
      List<byte[]> parts;
      try {
        parts = MultipartBody.parts(body, boundary);
      } catch (IllegalArgumentException e) {
        throw new Failure(400, "invalid", "malformed multipart body: " + e.getMessage());
      }
      if (parts.size() != 2) {
        throw new Failure(400, "invalid", "a multipart upload has 2 parts, got " + parts.size());
      }
      meta = JSON.readTree(parts.get(0));
      content = parts.get(1);
    } else if (uploadType.equals("media")) {
      meta = JSON.createObjectNode().put("contentType", contentType);
      content = body;
    } else {
      throw new Failure(501, "notImplemented", "uploadType=" + uploadType + " is not supported");
    }
    String name = query.containsKey("name") ? query.get("name") : meta.path("name").asText("");
    if (name.isEmpty()) {
      throw new Failure(400, "required", "Required object name");
    }
    if (meta.hasNonNull("crc32c") && !meta.get("crc32c").asText().equals(crc32c(content))) {
      throw new Failure(400, "invalid", "Provided CRC32C does not match the data");
    }
    if (meta.hasNonNull("md5Hash") && !meta.get("md5Hash").asText().equals(md5(content))) {
      throw new Failure(400, "invalid", "Provided MD5 hash does not match the data");
    }
    Map<String, String> metadata = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : meta.path("metadata").properties()) {
      metadata.put(e.getKey(), e.getValue().asText());
    }
    String type = meta.path("contentType").asText("");
    NavigableMap<String, FakeObject> objects = server.bucket(bucketName);
    FakeObject written;
    synchronized (objects) {
      FakeObject current = objects.get(name);
      checkPreconditions(current, query);
      written =
          new FakeObject(
              name,
              content,
              server.nextGeneration(),
              1,
              type.isEmpty() ? "application/octet-stream" : type,
              Instant.now(),
              Collections.unmodifiableMap(metadata));
      objects.put(name, written);
    }
    return json(200, resource(bucketName, written));
  }

  private Response token(byte[] body) {
    Map<String, String> form = FakeGcsHttp.query(new String(body, StandardCharsets.UTF_8));
    String email = jwtIssuer(form.get("assertion"));
    if (email == null) {
      return json(
          400,
          JSON.createObjectNode()
              .put("error", "invalid_grant")
              .put("error_description", "no assertion"));
    }
    String token = "fake-token-" + UUID.randomUUID();
    tokens.put(token, email);
    return json(
        200,
        JSON.createObjectNode()
            .put("access_token", token)
            .put("expires_in", 3600)
            .put("token_type", "Bearer"));
  }

  private void authorize(HttpExchange exchange) {
    Set<String> allowed = server.accounts();
    if (allowed.isEmpty()) {
      return;
    }
    String header = exchange.getRequestHeaders().getFirst("Authorization");
    if (header == null || !header.startsWith("Bearer ")) {
      throw new Failure(401, "required", "Anonymous caller does not have access.");
    }
    String bearer = header.substring("Bearer ".length()).strip();
    String email = tokens.containsKey(bearer) ? tokens.get(bearer) : jwtIssuer(bearer);
    if (email == null) {
      throw new Failure(401, "authError", "Invalid Credentials");
    }
    if (!allowed.contains(email)) {
      throw new Failure(
          403, "forbidden", email + " does not have storage.objects access to the bucket.");
    }
  }

  /** The {@code iss} claim of a JWT (its signature is not checked), or {@code null}. */
  private static String jwtIssuer(String jwt) {
    if (jwt == null) {
      return null;
    }
    String[] parts = jwt.split("\\.");
    if (parts.length != 3) {
      return null;
    }
    try {
      JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
      return claims.path("iss").isTextual() ? claims.get("iss").asText() : null;
    } catch (IOException | IllegalArgumentException e) {
      return null;
    }
  }

  private static void checkPreconditions(FakeObject o, Map<String, String> query) {
    String generationMatch = query.get("ifGenerationMatch");
    if (generationMatch != null) {
      long g = Long.parseLong(generationMatch);
      if (g == 0 ? o != null : o == null || o.generation() != g) {
        throw conditionNotMet();
      }
    }
    String generationNotMatch = query.get("ifGenerationNotMatch");
    if (generationNotMatch != null) {
      long g = Long.parseLong(generationNotMatch);
      if (g == 0 ? o == null : o != null && o.generation() == g) {
        throw conditionNotMet();
      }
    }
    String metaMatch = query.get("ifMetagenerationMatch");
    if (metaMatch != null && (o == null || o.metageneration() != Long.parseLong(metaMatch))) {
      throw conditionNotMet();
    }
    String metaNotMatch = query.get("ifMetagenerationNotMatch");
    if (metaNotMatch != null && o != null && o.metageneration() == Long.parseLong(metaNotMatch)) {
      throw conditionNotMet();
    }
  }

  private static Failure conditionNotMet() {
    return new Failure(
        412, "conditionNotMet", "At least one of the pre-conditions you specified did not hold.");
  }

  /** An object's resource document, as the JSON API returns it for a get, upload or listing. */
  static ObjectNode resource(String bucket, FakeObject o) {
    ObjectNode r = JSON.createObjectNode();
    r.put("kind", "storage#object");
    r.put("id", bucket + "/" + o.name() + "/" + o.generation());
    r.put("name", o.name());
    r.put("bucket", bucket);
    r.put("generation", Long.toString(o.generation()));
    r.put("metageneration", Long.toString(o.metageneration()));
    r.put("contentType", o.contentType());
    r.put("storageClass", "STANDARD");
    r.put("size", Integer.toString(o.content().length));
    r.put("md5Hash", md5(o.content()));
    r.put("crc32c", crc32c(o.content()));
    r.put("etag", "C" + Long.toHexString(o.generation()));
    r.put("timeCreated", o.created().toString());
    r.put("updated", o.created().toString());
    if (!o.metadata().isEmpty()) {
      ObjectNode m = r.putObject("metadata");
      o.metadata().forEach(m::put);
    }
    return r;
  }
}
