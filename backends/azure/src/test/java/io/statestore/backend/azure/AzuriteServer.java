package io.statestore.backend.azure;

import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobServiceClient;
import com.azure.storage.blob.BlobServiceClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real Azurite blob service, run as a {@code node} child process on a free loopback port with
 * in-memory storage and without telemetry. The build installs Azurite with npm into {@code
 * target/azurite} (system property {@code azurite.dir}); {@link #close()} ends the process and
 * every process it started.
 */
public final class AzuriteServer implements AutoCloseable {
  /** Azurite's well-known development account. */
  public static final String ACCOUNT = "devstoreaccount1";

  /** The development account's published key (not a secret; Azurite's documentation has it). */
  public static final String KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final Logger LOG = LoggerFactory.getLogger(AzuriteServer.class);
  private static final long START_TIMEOUT_MS = 60_000;
  private static final AtomicInteger CONTAINERS = new AtomicInteger();

  private final Process process;
  private final int port;
  private final String version;
  private final Thread shutdownHook;
  private final BlobServiceClient admin;

  private AzuriteServer(Process process, int port, String version) {
    this.process = process;
    this.port = port;
    this.version = version;
    this.shutdownHook = new Thread(this::stop, "azurite-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    this.admin =
        new BlobServiceClientBuilder()
            .connectionString(connectionString())
            .httpClient(new JavaNetHttpClient(Duration.ofSeconds(10), Duration.ofSeconds(60)))
            .buildClient();
  }

  /** Starts Azurite and waits until it accepts connections. */
  public static AzuriteServer start() {
    Path home = Path.of(System.getProperty("azurite.dir", "target/azurite")).toAbsolutePath();
    Path main = home.resolve("node_modules/azurite/dist/src/blob/main.js");
    if (!Files.isRegularFile(main)) {
      throw new IllegalStateException(
          "Azurite is not installed in "
              + home
              + ": run the tests through Maven (mvn -f backends/azure/pom.xml test), which"
              + " installs it with npm");
    }
    String version = installedVersion(home);
    IOException last = null;
    for (int attempt = 1; attempt <= 3; attempt++) {
      int port = freePort();
      try {
        Process p = launch(home, main, port);
        if (awaitPort(p, port)) {
          LOG.info("Azurite {} listens on 127.0.0.1:{} (pid {})", version, port, p.pid());
          return new AzuriteServer(p, port, version);
        }
        LOG.warn("Azurite did not start on port {} (attempt {}); see {}", port, attempt, log(home));
        kill(p);
      } catch (IOException e) {
        last = e;
      }
    }
    throw new IllegalStateException(
        "Azurite did not start; see " + log(home) + " (is node on the PATH?)", last);
  }

  private static Process launch(Path home, Path main, int port) throws IOException {
    Path tmp = Files.createDirectories(home.resolve("tmp"));
    ProcessBuilder pb =
        new ProcessBuilder(
                System.getProperty("azurite.node", "node"),
                main.toString(),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                Integer.toString(port),
                "--inMemoryPersistence",
                "--extentMemoryLimit",
                "1024",
                "--skipApiVersionCheck",
                "--loose",
                "--silent",
                "--disableTelemetry")
            .directory(home.toFile())
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log(home).toFile()));
    pb.environment().put("TMPDIR", tmp.toString());
    pb.environment().put("TEMP", tmp.toString());
    pb.environment().put("TMP", tmp.toString());
    return pb.start();
  }

  private static Path log(Path home) {
    return home.resolve("azurite.log");
  }

  private static boolean awaitPort(Process p, int port) {
    long deadline = System.currentTimeMillis() + START_TIMEOUT_MS;
    while (System.currentTimeMillis() < deadline && p.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return true;
      } catch (IOException e) {
        sleep(100);
      }
    }
    return false;
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String installedVersion(Path home) {
    try {
      String json =
          Files.readString(
              home.resolve("node_modules/azurite/package.json"), StandardCharsets.UTF_8);
      Matcher m = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
      return m.find() ? m.group(1) : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
  }

  /** The installed Azurite version, e.g. {@code 3.35.0}. */
  public String version() {
    return version;
  }

  /** The port Azurite listens on. */
  public int port() {
    return port;
  }

  /** The blob endpoint of the development account. */
  public String blobEndpoint() {
    return "http://127.0.0.1:" + port + "/" + ACCOUNT;
  }

  /** A connection string for the development account. */
  public String connectionString() {
    return connectionString(KEY);
  }

  /** A connection string for the development account with another key. */
  public String connectionString(String key) {
    return "DefaultEndpointsProtocol=http;AccountName="
        + ACCOUNT
        + ";AccountKey="
        + key
        + ";BlobEndpoint="
        + blobEndpoint()
        + ";";
  }

  /** A client with the development account's rights, for setting up and inspecting tests. */
  public BlobServiceClient admin() {
    return admin;
  }

  /** Creates a new, empty container with a unique name starting with {@code hint}. */
  public String createContainer(String hint) {
    String name =
        (hint + "-" + CONTAINERS.incrementAndGet() + "-" + UUID.randomUUID().toString())
            .toLowerCase(Locale.ROOT)
            .replaceAll("[^a-z0-9-]", "")
            .replaceAll("-{2,}", "-");
    name = name.substring(0, Math.min(name.length(), 40)).replaceAll("-+$", "");
    admin.createBlobContainer(name);
    return name;
  }

  /** The client of one container. */
  BlobContainerClient container(String name) {
    return admin.getBlobContainerClient(name);
  }

  /** Deletes a container and everything in it, if it exists. */
  public void deleteContainer(String name) {
    if (name != null) {
      admin.getBlobContainerClient(name).deleteIfExists();
    }
  }

  @Override
  public void close() {
    stop();
    try {
      Runtime.getRuntime().removeShutdownHook(shutdownHook);
    } catch (IllegalStateException e) {
      // The JVM is shutting down; the hook runs (or ran) stop() itself.
    }
  }

  private void stop() {
    if (process.isAlive()) {
      kill(process);
      LOG.info("Azurite on port {} stopped", port);
    }
  }

  /** Ends a process and its descendants: politely first, then forcibly. */
  private static void kill(Process p) {
    List<ProcessHandle> descendants = p.descendants().toList();
    p.destroy();
    try {
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        p.waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      p.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : descendants) {
      if (h.isAlive()) {
        h.destroyForcibly();
      }
    }
  }

  @Override
  public String toString() {
    return "Azurite " + version + " on 127.0.0.1:" + port;
  }
}
