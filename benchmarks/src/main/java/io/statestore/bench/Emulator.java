package io.statestore.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cloud store emulator run as a child process on a free loopback port: S3Proxy (its standalone
 * jar, in-memory {@code transient} store) or Azurite (with {@code node}, in-memory). Where they are
 * installed is given with {@code --s3proxy-jar=} and {@code --azurite-dir=}, else looked for where
 * the build puts them for the integration tests.
 */
public final class Emulator implements AutoCloseable {
  /** System property holding {@code --s3proxy-jar=}. */
  public static final String S3PROXY_JAR = "bench.s3proxy.jar";

  /** System property holding {@code --azurite-dir=}. */
  public static final String AZURITE_DIR = "bench.azurite.dir";

  /** The access key id S3Proxy is started with. */
  public static final String S3_ACCESS_KEY = "bench-access-key";

  /** The secret key S3Proxy is started with (a local emulator's, not a secret). */
  public static final String S3_SECRET_KEY = "bench-secret-key";

  /** Azurite's development account. */
  public static final String AZURE_ACCOUNT = "devstoreaccount1";

  /** The development account's published key (Azurite's documentation has it). */
  public static final String AZURE_KEY =
      "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

  private static final String AZURITE_MAIN = "node_modules/azurite/dist/src/blob/main.js";
  private static final Pattern VERSION = Pattern.compile("\"version\"\\s*:\\s*\"([^\"]+)\"");

  private final String name;
  private final Process process;
  private final int port;

  private Emulator(String name, Process process, int port) {
    this.name = name;
    this.process = process;
    this.port = port;
  }

  /** S3Proxy's jar, if found; else why not. */
  public static Found s3ProxyJar() {
    return find(S3PROXY_JAR, "--s3proxy-jar=", "target/s3proxy/s3proxy.jar", "", "S3Proxy's jar");
  }

  /** Azurite's npm directory (holding {@code node_modules/azurite}), if found; else why not. */
  public static Found azuriteDir() {
    return find(AZURITE_DIR, "--azurite-dir=", "target/azurite", AZURITE_MAIN, "Azurite");
  }

  /**
   * Where an emulator was found, or why it was not.
   *
   * @param path the jar or directory, when found
   * @param missing why it was not found, when not
   */
  public record Found(Optional<Path> path, String missing) {}

  /**
   * Looks for a jar or directory: where the system property says, else under {@code
   * <module>/<relative>} of the modules whose tests install it, from here or the parent directory
   * (the benchmarks module's tests run in {@code benchmarks/}).
   */
  private static Found find(
      String property, String option, String relative, String marker, String what) {
    String given = System.getProperty(property);
    if (given != null) {
      Path p = Path.of(given).toAbsolutePath().normalize();
      return Files.isRegularFile(p.resolve(marker))
          ? new Found(Optional.of(p), "")
          : new Found(
              Optional.empty(),
              what + " is not at " + p.resolve(marker) + " (from " + option + ")");
    }
    List<Path> tried = new ArrayList<>();
    for (String base : List.of(".", "..")) {
      for (String module : List.of("integration-tests", "backends/s3", "backends/azure")) {
        Path p = Path.of(base, module).resolve(relative).toAbsolutePath().normalize();
        if (Files.isRegularFile(p.resolve(marker))) {
          return new Found(Optional.of(p), "");
        }
        tried.add(p.resolve(marker));
      }
    }
    return new Found(
        Optional.empty(),
        what + " not found (looked for " + tried.get(0) + " and elsewhere; give " + option + ")");
  }

  /** Starts S3Proxy from its jar, with its files (configuration, log) in {@code work}. */
  public static Emulator startS3Proxy(Path jar, Path work, Duration timeout) throws IOException {
    int port = freePort();
    Path conf = work.resolve("s3proxy.conf");
    Files.write(
        conf,
        List.of(
            "s3proxy.endpoint=http://127.0.0.1:" + port,
            "s3proxy.authorization=aws-v2-or-v4",
            "s3proxy.identity=" + S3_ACCESS_KEY,
            "s3proxy.credential=" + S3_SECRET_KEY,
            "jclouds.provider=transient",
            "jclouds.identity=unused",
            "jclouds.credential=unused"),
        StandardCharsets.UTF_8);
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
                java, "-Xmx512m", "-jar", jar.toString(), "--properties", conf.toString())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("s3proxy.log").toFile());
    pb.environment().put("LOG_LEVEL", "warn");
    return await(new Emulator("S3Proxy " + version(jar), pb.start(), port), work, timeout);
  }

  /** Starts Azurite's blob service with {@code node}, in memory, its log in {@code work}. */
  public static Emulator startAzurite(Path dir, Path work, Duration timeout) throws IOException {
    int port = freePort();
    Path tmp = Files.createDirectories(work.resolve("azurite-tmp"));
    ProcessBuilder pb =
        new ProcessBuilder(
                "node",
                dir.resolve(AZURITE_MAIN).toString(),
                "--blobHost",
                "127.0.0.1",
                "--blobPort",
                Integer.toString(port),
                "--inMemoryPersistence",
                "--skipApiVersionCheck",
                "--loose",
                "--silent",
                "--disableTelemetry")
            .directory(tmp.toFile())
            .redirectErrorStream(true)
            .redirectOutput(work.resolve("azurite.log").toFile());
    pb.environment().put("TMPDIR", tmp.toString());
    String version = "?";
    Matcher m =
        VERSION.matcher(
            Files.readString(
                dir.resolve("node_modules/azurite/package.json"), StandardCharsets.UTF_8));
    if (m.find()) {
      version = m.group(1);
    }
    return await(new Emulator("Azurite " + version, pb.start(), port), work, timeout);
  }

  private static String version(Path jar) {
    // The build copies org.gaul:s3proxy without its version in the name; its manifest has it.
    try (java.util.jar.JarFile j = new java.util.jar.JarFile(jar.toFile())) {
      String v = j.getManifest().getMainAttributes().getValue("Implementation-Version");
      return v == null ? "" : v;
    } catch (IOException | RuntimeException e) {
      return "";
    }
  }

  private static Emulator await(Emulator e, Path work, Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline && e.process.isAlive()) {
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), e.port), 500);
        return e;
      } catch (IOException notYet) {
        sleep(100);
      }
    }
    e.close();
    throw new IOException(
        e.name + " did not listen on port " + e.port + " within " + timeout.toSeconds() + " s");
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return s.getLocalPort();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", ex);
    }
  }

  /** The emulator's name and version, e.g. {@code S3Proxy 4.1.0}. */
  public String name() {
    return name;
  }

  /** Its loopback port. */
  public int port() {
    return port;
  }

  @Override
  public void close() {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException ex) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    for (ProcessHandle h : children) {
      h.destroyForcibly();
    }
  }

  @Override
  public String toString() {
    return name + " on 127.0.0.1:" + port;
  }
}
