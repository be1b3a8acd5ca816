package io.statestore.backend.s3;

import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.Environment;
import io.statestore.spi.Settings;
import io.statestore.spi.StoreLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * A real S3-compatible server for the tests: S3Proxy's standalone jar (copied from Maven Central
 * into {@code target/s3proxy/} by the build) run as a child process with its in-memory {@code
 * transient} store, on 127.0.0.1 and a port chosen at run time, behind a {@link
 * WriteSerializingProxy} that makes its {@code If-Match} atomic as on S3 (set {@code
 * -Ds3proxy.serializeWrites=false} to talk to S3Proxy directly) and answers a conditional delete of
 * a missing key with 404 as Amazon S3 does, where S3Proxy answers 204 ({@code
 * -Ds3proxy.awsConditionalDeletes=false} keeps S3Proxy's answer). One server serves the whole test
 * JVM; it is stopped when the JVM exits.
 */
public final class S3ProxyServer {
  private static final Logger LOG = LoggerFactory.getLogger(S3ProxyServer.class);

  /** The access key id the server accepts. */
  public static final String ACCESS_KEY = "statestore-test-key";

  /** The secret access key the server accepts. */
  public static final String SECRET_KEY = "statestore-test-secret/with+special=chars";

  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  private static final AtomicInteger BUCKETS = new AtomicInteger();
  private static S3ProxyServer instance;
  private static RuntimeException failure;

  private final Process process;
  private final WriteSerializingProxy proxy;
  private final URI endpoint;
  private final S3Client admin;

  private S3ProxyServer(Process process, WriteSerializingProxy proxy, URI endpoint) {
    this.process = process;
    this.proxy = proxy;
    this.endpoint = endpoint;
    this.admin = client(endpoint);
  }

  private static S3Client client(URI endpoint) {
    return S3Client.builder()
        .httpClientBuilder(Apache5HttpClient.builder())
        .endpointOverride(endpoint)
        .forcePathStyle(true)
        .region(Region.US_EAST_1)
        .credentialsProvider(
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
        .build();
  }

  /**
   * Whether the object of a path-style request path ({@code /bucket/key}, URL-encoded) exists,
   * asked of S3Proxy itself (not through the proxy, whose faults must not apply).
   */
  private static boolean exists(S3Client direct, String path) {
    String p = URLDecoder.decode(path.replace("+", "%2B"), StandardCharsets.UTF_8);
    int slash = p.indexOf('/', 1);
    String bucket = p.substring(1, slash);
    String key = p.substring(slash + 1);
    try {
      direct.headObject(b -> b.bucket(bucket).key(key));
      return true;
    } catch (NoSuchKeyException e) {
      return false;
    } catch (S3Exception e) {
      if (e.statusCode() == 404) {
        return false;
      }
      throw e;
    }
  }

  /** The server, started on first use; a failed start fails every later call at once. */
  public static synchronized S3ProxyServer get() {
    if (failure != null) {
      throw new IllegalStateException("S3Proxy could not be started", failure);
    }
    if (instance == null) {
      try {
        instance = startWithRetries();
      } catch (RuntimeException e) {
        failure = e;
        throw e;
      }
      S3ProxyServer started = instance;
      Runtime.getRuntime().addShutdownHook(new Thread(started::stop, "s3proxy-stop"));
    }
    return instance;
  }

  /** Starts the server, choosing another port if the first was taken meanwhile. */
  private static S3ProxyServer startWithRetries() {
    for (int attempt = 1; ; attempt++) {
      try {
        return start();
      } catch (IllegalStateException e) {
        if (attempt >= 3) {
          throw e;
        }
        LOG.warn("S3Proxy did not start (attempt {}), trying another port", attempt, e);
      }
    }
  }

  /** The server's endpoint, e.g. {@code http://127.0.0.1:41234}. */
  public URI endpoint() {
    return endpoint;
  }

  /** The proxy in front of S3Proxy, or {@code null} when writes are not serialized. */
  WriteSerializingProxy proxy() {
    return proxy;
  }

  /** A client with full access, for setting up and inspecting buckets. */
  public S3Client admin() {
    return admin;
  }

  /** Creates a new, empty bucket and returns its name. */
  public String newBucket() {
    String name = "test-" + ProcessHandle.current().pid() + "-" + BUCKETS.incrementAndGet();
    admin.createBucket(b -> b.bucket(name));
    return name;
  }

  /**
   * Settings that reach this server with the right keys; a {@code null} extra value removes one.
   */
  Settings settings(Map<String, String> extra) {
    return settings(extra, Environment.of(Map.of()));
  }

  /** As {@link #settings(Map)}, with environment variables. */
  Settings settings(Map<String, String> extra, Environment env) {
    Map<String, String> values = new java.util.HashMap<>();
    values.put(S3Settings.ENDPOINT_URL.key(), endpoint.toString());
    values.put(S3Settings.ACCESS_KEY_ID.key(), ACCESS_KEY);
    values.put(S3Settings.SECRET_ACCESS_KEY.key(), SECRET_KEY);
    values.put(S3Settings.REGION.key(), "us-east-1");
    values.putAll(extra);
    values.values().removeIf(v -> v == null);
    return new Settings(S3Settings.ALL, values, env);
  }

  /** Opens a backend on this server. */
  ObjectStoreBackend open(String uri, Map<String, String> extraSettings, int pageSize) {
    return open(uri, settings(extraSettings), pageSize);
  }

  /** Opens a backend on this server with the given settings. */
  ObjectStoreBackend open(String uri, Settings settings, int pageSize) {
    return new S3BackendProvider().open(StoreLocation.parse(uri), settings, pageSize);
  }

  private static S3ProxyServer start() {
    Path jar = jar();
    try {
      Path dir = Files.createDirectories(jar.getParent().resolve("run"));
      int port = freePort();
      URI endpoint = URI.create("http://127.0.0.1:" + port);
      Path conf = dir.resolve("s3proxy-" + port + ".conf");
      Files.write(
          conf,
          List.of(
              "s3proxy.endpoint=" + endpoint,
              "s3proxy.authorization=aws-v2-or-v4",
              "s3proxy.identity=" + ACCESS_KEY,
              "s3proxy.credential=" + SECRET_KEY,
              "jclouds.provider=transient",
              "jclouds.identity=unused",
              "jclouds.credential=unused"),
          StandardCharsets.UTF_8);
      Path log = dir.resolve("s3proxy-" + port + ".log");
      String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
      ProcessBuilder pb =
          new ProcessBuilder(
                  java, "-Xmx512m", "-jar", jar.toString(), "--properties", conf.toString())
              .redirectErrorStream(true)
              .redirectOutput(log.toFile());
      pb.environment().put("LOG_LEVEL", "warn");
      long t0 = System.nanoTime();
      Process p = pb.start();
      awaitPort(p, port, log);
      LOG.info(
          "S3Proxy {} up at {} in {} ms (pid {}, log {})",
          version(jar),
          endpoint,
          (System.nanoTime() - t0) / 1_000_000,
          p.pid(),
          log);
      if (!Boolean.parseBoolean(System.getProperty("s3proxy.serializeWrites", "true"))) {
        return new S3ProxyServer(p, null, endpoint);
      }
      WriteSerializingProxy proxy = new WriteSerializingProxy(port);
      if (Boolean.parseBoolean(System.getProperty("s3proxy.awsConditionalDeletes", "true"))) {
        S3Client direct = client(endpoint);
        proxy.answerConditionalDeletesOfMissingKeys(path -> exists(direct, path));
      }
      return new S3ProxyServer(p, proxy, URI.create("http://127.0.0.1:" + proxy.port()));
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start S3Proxy from " + jar, e);
    }
  }

  private static Path jar() {
    String configured = System.getProperty("s3proxy.jar");
    Path jar = Path.of(configured != null ? configured : "target/s3proxy/s3proxy.jar");
    if (!Files.isRegularFile(jar)) {
      throw new IllegalStateException(
          "S3Proxy's jar is not at "
              + jar.toAbsolutePath()
              + "; run the tests through Maven (it copies org.gaul:s3proxy there)");
    }
    return jar;
  }

  private static String version(Path jar) {
    return System.getProperty("s3proxy.version", jar.getFileName().toString());
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void awaitPort(Process p, int port, Path log) throws IOException {
    long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException(
            "S3Proxy exited with " + p.exitValue() + " at start:\n" + Files.readString(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
        return;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException(
        "S3Proxy did not listen on port " + port + " within " + START_TIMEOUT);
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private void stop() {
    admin.close();
    if (proxy != null) {
      try {
        proxy.close();
      } catch (IOException e) {
        LOG.debug("Closing the proxy failed", e);
      }
    }
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
