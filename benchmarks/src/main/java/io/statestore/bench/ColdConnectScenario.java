package io.statestore.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Connect + first query in a cold JVM: each measurement starts a new Java process ({@link
 * ColdProbe}) that opens a connection, prepares and runs one point query and reads the row. The
 * statestore driver on a file store and on Meltano's table in H2 is compared with H2's own driver
 * reading the same row from the same H2 database. Reported is the time from the probe's first line
 * to the first row (JVM start-up itself excluded, and shown apart as the process's uptime).
 */
public final class ColdConnectScenario implements Scenario {
  private static final Pattern OUTPUT =
      Pattern.compile(
          "nanos=(\\d+) uptimeMillis=(\\d+) connectNanos=(\\d+) prepareNanos=(\\d+)"
              + " executeNanos=(\\d+)");
  private static final long PROBE_TIMEOUT_SECONDS = 120;

  @Override
  public String name() {
    return "cold-connect";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    List<String> ids = StateData.ids(Math.max(10, config.pointStates()), 5, 5);
    String id = ids.get(0);
    Path files = work.resolve("file");
    Path h2 = work.resolve("h2");
    Fixtures.populateFiles(files, ids);
    Fixtures.populateSystemDb(h2, ids);
    String point = "SELECT body FROM state WHERE state_id = ?";
    String h2Point = "SELECT completed_state, partial_state FROM state WHERE state_id = ?";

    List<Result> out = new ArrayList<>();
    double[][] ss = new double[3][config.coldRuns()];
    long[][] up = new long[3][config.coldRuns()];
    long[][][] parts = new long[3][3][config.coldRuns()];
    String[][] probes = {
      {Fixtures.fileUrl(files), point, id},
      {Fixtures.systemDbUrl(h2), point, id},
      {Fixtures.h2Url(h2), h2Point, id},
    };
    // One untimed run each first, so that the file system cache holds the jars for every probe
    // (left out of a single-run smoke test, which only checks that the probes work).
    if (config.coldRuns() > 1) {
      for (String[] p : probes) {
        probe(p, work);
      }
    }
    for (int r = 0; r < config.coldRuns(); r++) {
      for (int k = 0; k < probes.length; k++) {
        long[] m = probe(probes[k], work);
        ss[k][r] = m[0];
        up[k][r] = m[1];
        for (int part = 0; part < 3; part++) {
          parts[k][part][r] = m[2 + part];
        }
      }
    }
    Stats file = Stats.of(ss[0]);
    Stats systemDb = Stats.of(ss[1]);
    Stats h2Own = Stats.of(ss[2]);
    out.add(
        Result.slowdown(
            "connect + first query, cold JVM, file",
            "jdbc:statestore:file:///…",
            "H2's own driver, jdbc:h2:file:…",
            new Stats[] {file, h2Own},
            null,
            uptime(up[0], up[2]) + parts(parts[0], parts[2])));
    out.add(
        Result.slowdown(
            "connect + first query, cold JVM, systemdb/H2",
            "jdbc:statestore:systemdb:jdbc:h2:file:…",
            "H2's own driver, same database",
            new Stats[] {systemDb, h2Own},
            null,
            uptime(up[1], up[2]) + parts(parts[1], parts[2])));
    Stats budget = new Stats(1e9, 1e9, 1);
    Stats worst = file.medianNanos() >= systemDb.medianNanos() ? file : systemDb;
    out.add(
        Result.slowdown(
            "connect + first query, cold JVM, slower of the two",
            "statestore (median of the slower store)",
            "the 1 s budget",
            new Stats[] {worst, budget},
            Goal.atMost(1),
            ""));
    return out;
  }

  private static String uptime(long[] subject, long[] baseline) {
    return String.format(
        Locale.ROOT, "JVM uptime at first row %d ms vs %d ms", median(subject), median(baseline));
  }

  /** The medians of connect, prepare and execute (with reading the row), subject vs baseline. */
  private static String parts(long[][] subject, long[][] baseline) {
    return String.format(
        Locale.ROOT,
        "; connect %d vs %d ms, prepare %d vs %d ms, execute %d vs %d ms",
        median(subject[0]) / 1_000_000,
        median(baseline[0]) / 1_000_000,
        median(subject[1]) / 1_000_000,
        median(baseline[1]) / 1_000_000,
        median(subject[2]) / 1_000_000,
        median(baseline[2]) / 1_000_000);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  /**
   * Runs one probe process; returns its connect + first query nanos, uptime millis, and connect,
   * prepare and execute nanos.
   */
  private static long[] probe(String[] args, Path work) throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile(work, "probe", ".log");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add(ColdProbe.class.getName());
    command.add(args[0]);
    command.add(args[1]);
    command.add(args[2]);
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    if (!p.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("the cold-start probe did not finish; see " + log);
    }
    String text = Files.readString(log, StandardCharsets.UTF_8);
    Matcher m = OUTPUT.matcher(text);
    if (p.exitValue() != 0 || !m.find()) {
      throw new IllegalStateException(
          "the cold-start probe failed (exit " + p.exitValue() + "): " + text);
    }
    Files.delete(log);
    long[] out = new long[5];
    for (int g = 0; g < out.length; g++) {
      out[g] = Long.parseLong(m.group(g + 1));
    }
    return out;
  }
}
