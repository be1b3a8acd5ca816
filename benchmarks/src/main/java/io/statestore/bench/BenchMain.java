package io.statestore.bench;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The benchmark command: {@code java -jar benchmarks/target/benchmarks.jar [--tiny]
 * [--only=point-read,copy,...] [--work=DIR] [--s3proxy-jar=JAR] [--azurite-dir=DIR]}. Prints the
 * machine, then a Markdown table of ratios measured in this run.
 */
public final class BenchMain {
  private BenchMain() {}

  /** Entry point. */
  public static void main(String[] args) throws Exception {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    BenchConfig config = BenchConfig.standard();
    Set<String> only = new LinkedHashSet<>();
    Path work = null;
    for (String a : args) {
      if (a.equals("--tiny")) {
        config = BenchConfig.tiny();
      } else if (a.startsWith("--only=")) {
        only.addAll(List.of(a.substring("--only=".length()).split(",")));
      } else if (a.startsWith("--s3proxy-jar=")) {
        System.setProperty(Emulator.S3PROXY_JAR, a.substring("--s3proxy-jar=".length()));
      } else if (a.startsWith("--azurite-dir=")) {
        System.setProperty(Emulator.AZURITE_DIR, a.substring("--azurite-dir=".length()));
      } else if (a.startsWith("--work=")) {
        work = Path.of(a.substring("--work=".length()));
      } else {
        throw new IllegalArgumentException(
            "unknown argument "
                + a
                + "; use --tiny, --only=<scenario,...>, --work=<dir>, --s3proxy-jar=<jar>,"
                + " --azurite-dir=<dir>");
      }
    }
    PrintWriter out = new PrintWriter(System.out, true, StandardCharsets.UTF_8);
    Path dir = work == null ? Files.createTempDirectory("statestore-bench") : work;
    Files.createDirectories(dir);
    double loadBefore = load();
    Instant start = Instant.now();
    out.println("statestore benchmarks, " + start.truncatedTo(ChronoUnit.SECONDS));
    out.println(machine());
    out.println(String.format(Locale.ROOT, "load average (1 min) at start: %.2f", loadBefore));
    out.flush();
    List<Result> results = Bench.run(config, dir, only);
    if (work == null) {
      Bench.deleteTree(dir);
    }
    out.println(
        String.format(
            Locale.ROOT,
            "load average (1 min) at end: %.2f; run took %d s",
            load(),
            java.time.Duration.between(start, Instant.now()).toSeconds()));
    out.println();
    ResultTable.print(results, out);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** One line describing the machine and JVM. */
  static String machine() {
    return String.format(
        Locale.ROOT,
        "machine: %d CPUs, %s %s, %s (%s), max heap %d MiB",
        Runtime.getRuntime().availableProcessors(),
        System.getProperty("os.name"),
        System.getProperty("os.arch"),
        System.getProperty("java.vm.name"),
        System.getProperty("java.runtime.version"),
        Runtime.getRuntime().maxMemory() >> 20);
  }
}
