package io.statestore.bench;

import com.azure.storage.common.StorageSharedKeyCredential;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache5.Apache5HttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * One bucket (S3Proxy) or container (Azurite) on an emulator started for it, reachable directly and
 * through a {@link DelayingProxy}; {@link #url} gives statestore URLs of prefixes in it.
 */
public final class EmulatedStore implements AutoCloseable {
  /** The cloud stores measured. */
  public enum Kind {
    /** {@code s3://} on S3Proxy. */
    S3,
    /** {@code azure://} on Azurite. */
    AZURE
  }

  private static final String BUCKET = "bench";
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US);

  private final Kind kind;
  private final Emulator emulator;
  private final DelayingProxy proxy;

  private EmulatedStore(Kind kind, Emulator emulator, DelayingProxy proxy) {
    this.kind = kind;
    this.emulator = emulator;
    this.proxy = proxy;
  }

  /**
   * Starts the emulator installed at {@code location}, creates the bucket or container and a proxy
   * that adds {@code delayMillis} to each request.
   */
  public static EmulatedStore start(
      Kind kind, Path location, Path work, Duration timeout, long delayMillis) throws Exception {
    Emulator e =
        kind == Kind.S3
            ? Emulator.startS3Proxy(location, work, timeout)
            : Emulator.startAzurite(location, work, timeout);
    try {
      if (kind == Kind.S3) {
        createBucket(e.port());
      } else {
        createContainer(e.port());
      }
      return new EmulatedStore(kind, e, new DelayingProxy(e.port(), delayMillis));
    } catch (Exception | Error failure) {
      e.close();
      throw failure;
    }
  }

  private static void createBucket(int port) {
    try (S3Client s3 =
        S3Client.builder()
            .httpClientBuilder(Apache5HttpClient.builder())
            .endpointOverride(URI.create("http://127.0.0.1:" + port))
            .forcePathStyle(true)
            .region(Region.US_EAST_1)
            .credentialsProvider(
                StaticCredentialsProvider.create(
                    AwsBasicCredentials.create(Emulator.S3_ACCESS_KEY, Emulator.S3_SECRET_KEY)))
            .build()) {
      s3.createBucket(b -> b.bucket(BUCKET));
    }
  }

  /** Creates the container with one request signed with the development account's key. */
  private static void createContainer(int port) throws IOException, InterruptedException {
    URI uri =
        URI.create(
            "http://127.0.0.1:"
                + port
                + "/"
                + Emulator.AZURE_ACCOUNT
                + "/"
                + BUCKET
                + "?restype=container");
    Map<String, String> headers =
        Map.of(
            "x-ms-date",
            HTTP_DATE.format(ZonedDateTime.now(ZoneOffset.UTC)),
            "x-ms-version",
            "2023-11-03");
    // The signature covers the Content-Length the JDK sends itself (0), which it does not let a
    // caller set.
    Map<String, String> signed = new HashMap<>(headers);
    signed.put("Content-Length", "0");
    String auth =
        new StorageSharedKeyCredential(Emulator.AZURE_ACCOUNT, Emulator.AZURE_KEY)
            .generateAuthorizationHeader(uri.toURL(), "PUT", signed);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .PUT(HttpRequest.BodyPublishers.noBody())
            .header("Authorization", auth);
    headers.forEach(request::header);
    HttpResponse<String> response =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .build()
            .send(request.build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IOException(
          "Azurite refused to create the container: "
              + response.statusCode()
              + " "
              + response.body());
    }
  }

  /** A label such as {@code S3 (S3Proxy 4.1.0)}. */
  public String label() {
    return (kind == Kind.S3 ? "S3" : "Azure") + " (" + emulator.name() + ")";
  }

  /** Requests the proxy has delayed so far. */
  public long delayedRequests() {
    return proxy.requests();
  }

  /**
   * The statestore URI (without {@code jdbc:statestore:}) of a prefix in the bucket or container.
   *
   * @param far through the delaying proxy (else straight to the emulator)
   * @param settings further URL settings ({@code name=value&...}), or empty
   */
  public String uri(String prefix, boolean far, String settings) {
    int port = far ? proxy.port() : emulator.port();
    String endpoint = "http://127.0.0.1:" + port;
    String base;
    if (kind == Kind.S3) {
      base =
          "s3://"
              + encode(Emulator.S3_ACCESS_KEY)
              + ":"
              + encode(Emulator.S3_SECRET_KEY)
              + "@"
              + BUCKET
              + "/"
              + prefix
              + "?s3.endpoint_url="
              + encode(endpoint)
              + "&s3.region=us-east-1";
    } else {
      String connection =
          "DefaultEndpointsProtocol=http;AccountName="
              + Emulator.AZURE_ACCOUNT
              + ";AccountKey="
              + Emulator.AZURE_KEY
              + ";BlobEndpoint="
              + endpoint
              + "/"
              + Emulator.AZURE_ACCOUNT
              + ";";
      base = "azure://" + BUCKET + "/" + prefix + "?azure.connection_string=" + encode(connection);
    }
    return settings.isEmpty() ? base : base + "&" + settings;
  }

  /** The statestore JDBC URL of a prefix; see {@link #uri}. */
  public String url(String prefix, boolean far, String settings) {
    return "jdbc:statestore:" + uri(prefix, far, settings);
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  @Override
  public void close() throws IOException {
    try {
      proxy.close();
    } finally {
      emulator.close();
    }
  }

  @Override
  public String toString() {
    return label();
  }
}
