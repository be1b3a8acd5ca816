package io.statestore.backend.gcs;

import static io.statestore.backend.gcs.FakeGcsHttp.JSON;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import io.statestore.backend.gcs.FakeGcsHttp.Failure;
import io.statestore.core.objectstore.IdOrder;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Base64;
import java.util.Deque;
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
 * <p>This class holds the server's state and its API for tests; {@link FakeGcsHandler} answers the
 * requests, {@link FakeGcsListing} the listings, and {@link FakeGcsHttp} does the HTTP plumbing.
 *
 * <p>What it does not model: other API calls (they get 501), resumable uploads, object versioning,
 * ACLs and IAM, metadata-only updates, soft delete, request rate limits, latency, and real
 * signatures.
 */
public final class FakeGcsServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(FakeGcsServer.class);
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static FakeGcsServer shared;

  private final HttpServer http;
  private final ExecutorService executor;
  private final Map<String, NavigableMap<String, FakeObject>> buckets = new ConcurrentHashMap<>();
  private final AtomicLong generations = new AtomicLong(System.currentTimeMillis() * 1000);
  private final AtomicInteger listRequests = new AtomicInteger();
  private final AtomicInteger objectRequests = new AtomicInteger();
  private final Deque<Integer> faults = new ArrayDeque<>();
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
    http.createContext("/", new FakeGcsHandler(server)::handle);
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

  // ------------------------------------------------------------ for the request handler

  /** Whether a bucket exists. */
  boolean hasBucket(String name) {
    return buckets.containsKey(name);
  }

  /** A bucket's objects, guarded by their own monitor for writes; 404 for no such bucket. */
  NavigableMap<String, FakeObject> bucket(String name) {
    NavigableMap<String, FakeObject> objects = buckets.get(name);
    if (objects == null) {
      throw new Failure(404, "notFound", "The specified bucket does not exist.");
    }
    return objects;
  }

  /** A generation not given out before on this server. */
  long nextGeneration() {
    return generations.incrementAndGet();
  }

  /**
   * Takes the next injected fault: a status to answer with, {@code -1} to lose the response, or
   * {@code null} for none.
   */
  Integer nextFault() {
    synchronized (faults) {
      return faults.poll();
    }
  }

  /** Counts one object request. */
  void countObjectRequest() {
    objectRequests.incrementAndGet();
  }

  /** Counts one listing request. */
  void countListRequest() {
    listRequests.incrementAndGet();
  }

  /** The service accounts object requests need (empty: none). */
  Set<String> accounts() {
    return accounts;
  }

  /** How many replacements after metadata reads remain for an object, or {@code null}. */
  AtomicInteger churn(String bucket, String name) {
    return churn.get(bucket + "/" + name);
  }
}
