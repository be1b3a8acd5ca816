package io.statestore.backend.gcs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statestore.core.objectstore.IdOrder;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;
import java.util.zip.GZIPInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fake Google Cloud Storage server for tests: an HTTP server on 127.0.0.1, on a port chosen at
 * start, speaking the subset of the Cloud Storage JSON API that the Java SDK uses to get, download,
 * upload (multipart and media), list and delete objects. Point a store at it with {@code
 * gcs.endpoint=}{@link #endpoint()}.
 *
 * <p>What it models: buckets (created with {@link #createBucket(String)}; requests to others get
 * 404), object generations unique across the server, the preconditions {@code ifGenerationMatch}
 * ({@code 0}: must not exist), {@code ifGenerationNotMatch}, {@code ifMetagenerationMatch} and
 * {@code ifMetagenerationNotMatch}, each checked atomically with the write or delete it guards (412
 * when one fails); reads of a given {@code generation}; listings in name order (UTF-8 byte order,
 * as Cloud Storage's) with {@code prefix}, {@code delimiter}, {@code startOffset}, {@code
 * endOffset}, {@code maxResults} (at most 1,000) and real page tokens; {@code crc32c} and {@code
 * md5Hash} checks of uploads; gzip-encoded request bodies.
 *
 * <p>Also, on request: OAuth for service accounts ({@link #requireAccounts(String...)}, a token
 * endpoint at {@code /token} that {@link #writeServiceAccountKey(Path, String)}'s key files name;
 * signatures are not verified), and injected faults ({@link #failNextRequests(int, int)}, {@link
 * #loseNextResponses(int)}).
 *
 * <p>What it does not model: other API calls (they get 501), resumable uploads, object versioning,
 * ACLs and IAM, metadata-only updates, soft delete, request rate limits, latency, and real
 * signatures.
 */
public final class FakeGcsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeGcsServer.class);
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGE = 1_000;
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static FakeGcsServer shared;

  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, NavigableMap<String, FakeObject>> buckets = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(System.currentTimeMillis() * 1000);
  private final AtomicInteger listRequests = new AtomicInteger();
  private final AtomicInteger objectRequests = new AtomicInteger();
  private final Deque<Integer> faults = new ArrayDeque<>();
  private final Map<String, String> tokens = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> churn = new ConcurrentHashMap<>();
  private volatile Set<String> accounts = Set.of();

  private FakeGcsServer(HttpServer http, ExecutorService executor) {
    this.http = http;
    this.executor = executor;
  }

  /** Starts a server on 127.0.0.1 and a free port. */
  public static FakeGcsServer start() throws IOException {
    // Answers go out at once instead of waiting for the client's delayed ACK (read once, when the
    // JDK's server first starts in this JVM).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer http =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    ExecutorService executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "fake-gcs");
              t.setDaemon(true);
              return t;
            });
    FakeGcsServer server = new FakeGcsServer(http, executor);
    http.createContext("/", server::handle);
    http.setExecutor(executor);
    http.start();
    LOG.info("Fake Cloud Storage server listening at {}", server.endpoint());
    return server;
  }

  /**
   * One server shared by every test of this JVM: started on first use, stopped when the JVM exits.
   */
  public static synchronized FakeGcsServer shared() {
    if (shared == null) {
      try {
        shared = start();
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
      FakeGcsServer started = shared;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "fake-gcs-stop"));
    }
    return shared;
  }

  /** The server's endpoint, {@code http://127.0.0.1:<port>}, for the setting gcs.endpoint. */
  public String endpoint() {
    return "http://127.0.0.1:" + http.getAddress().getPort();
  }

  /**
   * A store URI on this server: {@code gs://bucket/prefix?gcs.endpoint=...&gcs.project=test}, as
   * {@code jdbc:statestore:} takes it.
   */
  public String storeUri(String bucket, String prefix) {
    return "gs://"
        + bucket
        + (prefix.isEmpty() ? "" : "/" + prefix)
        + "?gcs.endpoint="
        + endpoint()
        + "&gcs.project=test";
  }

  /** Creates an empty bucket (nothing happens if it exists). */
  public void createBucket(String name) {
    buckets.putIfAbsent(name, new ConcurrentSkipListMap<>(IdOrder::compareCodePoints));
  }

  /**
   * Creates an empty bucket with a name not used before in this JVM, starting with {@code hint}.
   */
  public String newBucket(String hint) {
    String name = hint + "-" + BUCKETS.incrementAndGet();
    createBucket(name);
    return name;
  }

  /** Removes a bucket and its objects. */
  public void deleteBucket(String name) {
    buckets.remove(name);
  }

  /** The names of a bucket's objects in name order (empty for no such bucket). */
  public List<String> objectNames(String bucket) {
    NavigableMap<String, FakeObject> objects = buckets.get(bucket);
    return objects == null ? List.of() : List.copyOf(objects.keySet());
  }

  /** The bytes of an object, as a reader of the bucket (e.g. Meltano) would get them. */
  public Optional<byte[]> content(String bucket, String name) {
    NavigableMap<String, FakeObject> objects = buckets.get(bucket);
    FakeObject o = objects == null ? null : objects.get(name);
    return o == null ? Optional.empty() : Optional.of(o.content().clone());
  }

  /** The content type of an object, if it exists. */
  public Optional<String> contentType(String bucket, String name) {
    NavigableMap<String, FakeObject> objects = buckets.get(bucket);
    FakeObject o = objects == null ? null : objects.get(name);
    return o == null ? Optional.empty() : Optional.of(o.contentType());
  }

  /**
   * Stores an object directly, as another writer of the bucket (e.g. Meltano) would, with a new
   * generation.
   */
  public void putObject(String bucket, String name, byte[] content, String contentType) {
    NavigableMap<String, FakeObject> objects = bucket(bucket);
    synchronized (objects) {
      objects.put(
          name,
          new FakeObject(
              name,
              content.clone(),
              generations.incrementAndGet(),
              1,
              contentType,
              Instant.now(),
              Map.of()));
    }
  }

  /** How many object listing requests were served since the start or {@link #resetCounts()}. */
  public int listRequests() {
    return listRequests.get();
  }

  /** How many object requests of any kind were served since the start or {@link #resetCounts()}. */
  public int objectRequests() {
    return objectRequests.get();
  }

  /** Sets the request counters to zero. */
  public void resetCounts() {
    listRequests.set(0);
    objectRequests.set(0);
  }

  /**
   * Answers the next {@code count} object requests with {@code status} (e.g. 503 or 429) without
   * carrying them out.
   */
  public void failNextRequests(int count, int status) {
    synchronized (faults) {
      for (int i = 0; i < count; i++) {
        faults.add(status);
      }
    }
  }

  /**
   * Carries out the next {@code count} object requests but answers each with 503, as when a
   * response is lost on its way back.
   */
  public void loseNextResponses(int count) {
    synchronized (faults) {
      for (int i = 0; i < count; i++) {
        faults.add(-1);
      }
    }
  }

  /**
   * After each of the next {@code count} metadata reads of one object, replaces it with the same
   * bytes under a new generation, as a busy writer would between a reader's two requests.
   */
  public void replaceAfterMetadataReads(String bucket, String name, int count) {
    churn.put(bucket + "/" + name, new AtomicInteger(count));
  }

  /**
   * From now on, object requests need an OAuth bearer token of one of these service accounts (401
   * without a token, 403 for another account); none: no authentication (the default).
   */
  public void requireAccounts(String... clientEmails) {
    this.accounts = Set.of(clientEmails);
  }

  /**
   * Writes a service account's JSON key file for {@code clientEmail}, with a fresh RSA key and this
   * server's token endpoint, and returns its path.
   */
  public Path writeServiceAccountKey(Path dir, String clientEmail) throws IOException {
    String pem;
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
      pem =
          "-----BEGIN PRIVATE KEY-----\n"
              + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                  .encodeToString(pkcs8)
              + "\n-----END PRIVATE KEY-----\n";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
    ObjectNode key = JSON.createObjectNode();
    key.put("type", "service_account");
    key.put("project_id", "fake-project");
    key.put("private_key_id", UUID.randomUUID().toString().replace("-", ""));
    key.put("private_key", pem);
    key.put("client_email", clientEmail);
    key.put("client_id", "1");
    key.put("token_uri", endpoint() + "/token");
    Path file = Files.createTempFile(dir, "service-account-", ".json");
    Files.write(file, JSON.writeValueAsBytes(key));
    return file;
  }

  @Override
  public void close() {
    http.stop(0);
    executor.shutdownNow();
  }

  // ------------------------------------------------------------ requests

  private void handle(HttpExchange exchange) throws IOException {
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
    List<String> path = segments(uri.getRawPath());
    Map<String, String> query = query(uri.getRawQuery());
    byte[] body = body(exchange);
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
    objectRequests.incrementAndGet();
    authorize(exchange);
    boolean lose = false;
    Integer fault;
    synchronized (faults) {
      fault = faults.poll();
    }
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
      listRequests.incrementAndGet();
      response = list(bucket, query);
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
    if (!buckets.containsKey(name)) {
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

  private NavigableMap<String, FakeObject> bucket(String name) {
    NavigableMap<String, FakeObject> objects = buckets.get(name);
    if (objects == null) {
      throw new Failure(404, "notFound", "The specified bucket does not exist.");
    }
    return objects;
  }

  private Response get(String bucketName, String name, Map<String, String> query) {
    FakeObject o = bucket(bucketName).get(name);
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
    AtomicInteger replacements = churn.get(bucketName + "/" + name);
    if (replacements != null && replacements.getAndDecrement() > 0) {
      putObject(bucketName, name, o.content(), o.contentType());
    }
    return json(200, answer);
  }

  private Response delete(String bucketName, String name, Map<String, String> query) {
    NavigableMap<String, FakeObject> objects = bucket(bucketName);
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
    NavigableMap<String, FakeObject> objects = bucket(bucketName);
    FakeObject written;
    synchronized (objects) {
      FakeObject current = objects.get(name);
      checkPreconditions(current, query);
      written =
          new FakeObject(
              name,
              content,
              generations.incrementAndGet(),
              1,
              type.isEmpty() ? "application/octet-stream" : type,
              Instant.now(),
              Collections.unmodifiableMap(metadata));
      objects.put(name, written);
    }
    return json(200, resource(bucketName, written));
  }

  private Response list(String bucketName, Map<String, String> query) {
    if (query.containsKey("matchGlob") || "true".equals(query.get("versions"))) {
      throw new Failure(501, "notImplemented", "matchGlob and versions are not supported");
    }
    NavigableMap<String, FakeObject> objects = bucket(bucketName);
    String prefix = query.getOrDefault("prefix", "");
    String delimiter = query.getOrDefault("delimiter", "");
    int max = MAX_PAGE;
    if (query.containsKey("maxResults")) {
      max = Math.max(1, Math.min(MAX_PAGE, Integer.parseInt(query.get("maxResults"))));
    }
    // The token names the last name or prefix group returned: the page resumes after it.
    String after = null;
    boolean afterGroup = false;
    if (query.containsKey("pageToken")) {
      String token =
          new String(Base64.getUrlDecoder().decode(query.get("pageToken")), StandardCharsets.UTF_8);
      afterGroup = token.startsWith("p:");
      after = token.substring(2);
    }
    String from = query.getOrDefault("startOffset", prefix);
    if (IdOrder.compareCodePoints(from, prefix) < 0) {
      from = prefix;
    }
    String end = query.get("endOffset");
    NavigableMap<String, FakeObject> tail =
        after != null ? objects.tailMap(after, false) : objects.tailMap(from, true);
    ArrayNode items = JSON.createArrayNode();
    ArrayNode prefixes = JSON.createArrayNode();
    String lastGroup = afterGroup ? after : null;
    String last = null;
    boolean lastIsGroup = false;
    int count = 0;
    boolean more = false;
    for (Map.Entry<String, FakeObject> e : tail.entrySet()) {
      String name = e.getKey();
      if (!name.startsWith(prefix)) {
        if (IdOrder.compareCodePoints(name, prefix) > 0) {
          break;
        }
        continue;
      }
      if (end != null && IdOrder.compareCodePoints(name, end) >= 0) {
        break;
      }
      if (lastGroup != null && name.startsWith(lastGroup)) {
        continue;
      }
      int cut = delimiter.isEmpty() ? -1 : name.indexOf(delimiter, prefix.length());
      if (count == max) {
        more = true;
        break;
      }
      if (cut >= 0) {
        lastGroup = name.substring(0, cut + delimiter.length());
        prefixes.add(lastGroup);
        last = lastGroup;
        lastIsGroup = true;
      } else {
        items.add(resource(bucketName, e.getValue()));
        last = name;
        lastIsGroup = false;
      }
      count++;
    }
    ObjectNode page = JSON.createObjectNode();
    page.put("kind", "storage#objects");
    if (!items.isEmpty()) {
      page.set("items", items);
    }
    if (!prefixes.isEmpty()) {
      page.set("prefixes", prefixes);
    }
    if (more) {
      String token = (lastIsGroup ? "p:" : "o:") + last;
      page.put(
          "nextPageToken",
          Base64.getUrlEncoder()
              .withoutPadding()
              .encodeToString(token.getBytes(StandardCharsets.UTF_8)));
    }
    return json(200, page);
  }

  private Response token(byte[] body) {
    Map<String, String> form = query(new String(body, StandardCharsets.UTF_8));
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
    Set<String> allowed = accounts;
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

  private static ObjectNode resource(String bucket, FakeObject o) {
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

  private static String crc32c(byte[] content) {
    CRC32C crc = new CRC32C();
    crc.update(content);
    return Base64.getEncoder()
        .encodeToString(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }

  private static String md5(byte[] content) {
    try {
      return Base64.getEncoder().encodeToString(MessageDigest.getInstance("MD5").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Response unsupported(String method, URI uri) {
    LOG.warn("Fake Cloud Storage server does not support {} {}", method, uri);
    return error(501, "notImplemented", method + " " + uri.getRawPath() + " is not supported");
  }

  private static Response error(int status, String reason, String message) {
    ObjectNode error = JSON.createObjectNode();
    ObjectNode e = error.putObject("error");
    e.put("code", status);
    e.put("message", message);
    e.putArray("errors")
        .addObject()
        .put("domain", "global")
        .put("reason", reason)
        .put("message", message);
    return json(status, error);
  }

  private static Response json(int status, JsonNode node) {
    try {
      Response r = new Response(status, JSON.writeValueAsBytes(node));
      r.headers.put("Content-Type", List.of("application/json; charset=UTF-8"));
      return r;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] body(HttpExchange exchange) throws IOException {
    byte[] raw;
    try (InputStream in = exchange.getRequestBody()) {
      raw = in.readAllBytes();
    }
    String encoding = exchange.getRequestHeaders().getFirst("Content-Encoding");
    if (encoding != null && encoding.strip().equalsIgnoreCase("gzip") && raw.length > 0) {
      try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(raw))) {
        return in.readAllBytes();
      }
    }
    return raw;
  }

  private static List<String> segments(String rawPath) {
    List<String> out = new java.util.ArrayList<>();
    for (String s : rawPath.split("/")) {
      if (!s.isEmpty()) {
        out.add(percentDecode(s));
      }
    }
    return out;
  }

  private static Map<String, String> query(String raw) {
    Map<String, String> out = new HashMap<>();
    if (raw == null || raw.isEmpty()) {
      return out;
    }
    for (String pair : raw.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(percentDecode(key.replace('+', ' ')), percentDecode(value.replace('+', ' ')));
    }
    return out;
  }

  /** Decodes {@code %XX} escapes as UTF-8; {@code +} stays a plus sign. */
  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(s.length());
    int i = 0;
    while (i < s.length()) {
      int escape = s.indexOf('%', i);
      if (escape < 0) {
        out.writeBytes(s.substring(i).getBytes(StandardCharsets.UTF_8));
        break;
      }
      out.writeBytes(s.substring(i, escape).getBytes(StandardCharsets.UTF_8));
      if (escape + 2 >= s.length()) {
        throw new Failure(400, "invalid", "malformed escape in " + s);
      }
      out.write(Integer.parseInt(s.substring(escape + 1, escape + 3), 16));
      i = escape + 3;
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** One answer. */
  private static final class Response {
    final int status;
    final byte[] body;
    final Map<String, List<String>> headers = new HashMap<>();

    Response(int status, byte[] body) {
      this.status = status;
      this.body = body;
    }
  }

  /** A request the server refuses with an error answer. */
  private static final class Failure extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final int status;
    final String reason;

    Failure(int status, String reason, String message) {
      super(message, null, false, false);
      this.status = status;
      this.reason = reason;
    }
  }
}
