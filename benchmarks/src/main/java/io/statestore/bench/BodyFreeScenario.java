package io.statestore.bench;

import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Queries that need no body, at the largest prefix-query size (100,000 states): {@code SELECT
 * COUNT(*) FROM state} and {@code ORDER BY state_id LIMIT 10}, each against the core store's
 * listing of all ids of the same store in the same run; and the bounded-memory check, {@code SELECT
 * state_id, body FROM state ORDER BY state_id} over states of 4 KB in a child JVM with {@code
 * -Xmx128m}, against the same scan without {@code ORDER BY} just before in the same JVM.
 */
public final class BodyFreeScenario implements Scenario {
  private static final String COUNT_SQL = "SELECT COUNT(*) FROM state";
  private static final String FIRST_TEN_SQL =
      "SELECT state_id, body FROM state ORDER BY state_id LIMIT 10";
  private static final String ORDERED_SQL = "SELECT state_id, body FROM state ORDER BY state_id";
  private static final String SCAN_SQL = "SELECT state_id, body FROM state";
  private static final String HEAP = "128m";
  private static final Pattern OUTPUT = Pattern.compile("rows=(\\d+) nanos=(\\d+) peakHeap=(\\d+)");
  private static final long PROBE_TIMEOUT_SECONDS = 600;

  @Override
  public String name() {
    return "body-free";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    List<Integer> sizes = config.prefixSizes();
    int n = sizes.get(sizes.size() - 1);
    List<String> ids = StateData.ids(n, config.prefixMatches(), 9);
    List<Result> out = new ArrayList<>();
    for (StoreKind kind : StoreKind.values()) {
      Path dir = work.resolve(kind.name().toLowerCase(Locale.ROOT));
      FourKbStates.populate(kind, dir, ids);
      String where = String.format(Locale.ROOT, "%s, N=%,d", kind.label(), n);
      Harness harness = new Harness(Math.min(config.warmup(), 2), config.rounds());
      try (StateStore store = StateStores.open(kind.uri(dir), Map.of());
          Connection c = DriverManager.getConnection(kind.url(dir));
          PreparedStatement count = c.prepareStatement(COUNT_SQL);
          PreparedStatement firstTen = c.prepareStatement(FIRST_TEN_SQL)) {
        Op listing = i -> SqlRuns.check(store.list("").count(), n);
        Op counting = i -> SqlRuns.check(count(count), n);
        Op tenRows = i -> SqlRuns.check(SqlRuns.drain(firstTen), Math.min(10, n));
        out.add(
            Result.slowdown(
                "COUNT(*), " + where,
                COUNT_SQL,
                "StateStore.list(\"\"): all ids, no body",
                harness.compare(counting, listing, 1),
                Goal.atMost(1.2),
                ""));
        out.add(
            Result.slowdown(
                "ORDER BY state_id LIMIT 10, " + where,
                FIRST_TEN_SQL,
                "StateStore.list(\"\"): all ids, no body",
                harness.compare(tenRows, listing, 1),
                Goal.atMost(1.2),
                ""));
      }
      // A tiny run checks the child JVM once (on the file store): it takes seconds to start.
      if (kind == StoreKind.FILE || n >= 1_000) {
        out.add(boundedMemory(kind, dir, n, work));
      }
      Bench.deleteTree(dir);
    }
    return out;
  }

  /** The ordered scan against the unordered one, in one child JVM with a 128 MiB heap. */
  private static Result boundedMemory(StoreKind kind, Path dir, int n, Path work)
      throws IOException, InterruptedException {
    // The plain scan runs first: should the ordered one fail, the plain one is still reported.
    List<Probe> probes = probe(kind.url(dir), List.of(SCAN_SQL, ORDERED_SQL), work);
    Probe plain = probes.get(0);
    Probe ordered = probes.get(1);
    String note =
        String.format(
            Locale.ROOT,
            "-Xmx%s: ORDER BY %s, peak heap %s; without ORDER BY %s, peak heap %s",
            HEAP,
            ordered.outcome(n),
            ordered.peakText(),
            plain.outcome(n),
            plain.peakText());
    return Result.slowdown(
        String.format(
            Locale.ROOT,
            "bounded memory, %s, N=%,d of ≥ 4 KB, child JVM -Xmx%s",
            kind.label(),
            n,
            HEAP),
        ORDERED_SQL,
        SCAN_SQL + " (no ORDER BY), same JVM just before",
        new Stats[] {ordered.stats(), plain.stats()},
        null,
        note);
  }

  /**
   * What one query in the child JVM reported.
   *
   * @param rows rows read, or -1 when it failed
   * @param nanos time of the query and its rows (of the whole process when it failed)
   * @param peakHeap peak heap in bytes, or -1 when it failed
   * @param failure the error's first line, or empty
   */
  private record Probe(long rows, long nanos, long peakHeap, String failure) {
    Stats stats() {
      return new Stats(nanos, nanos, 1);
    }

    String outcome(long expected) {
      if (!failure.isEmpty()) {
        return "**failed** (" + failure + ")";
      }
      return rows == expected
          ? String.format(Locale.ROOT, "completed (%,d rows)", rows)
          : String.format(Locale.ROOT, "**%,d of %,d rows**", rows, expected);
    }

    String peakText() {
      return peakHeap < 0 ? "–" : (peakHeap >> 20) + " MiB";
    }
  }

  /** Runs the queries in one child JVM, after a warm-up query; one probe per query. */
  private static List<Probe> probe(String url, List<String> sqls, Path work)
      throws IOException, InterruptedException {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Path log = Files.createTempFile(work, "heap-probe", ".log");
    List<String> command = new ArrayList<>();
    command.add(java.toString());
    command.add("-Xmx" + HEAP);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    command.add(HeapProbe.class.getName());
    command.add(url);
    command.add(FIRST_TEN_SQL);
    command.addAll(sqls);
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    String failure = "";
    if (!p.waitFor(PROBE_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      p.waitFor();
      failure = "no answer within " + PROBE_TIMEOUT_SECONDS + " s";
    }
    long elapsed = System.nanoTime() - start;
    String text = Files.readString(log, StandardCharsets.UTF_8);
    Files.delete(log);
    if (failure.isEmpty() && p.exitValue() != 0) {
      failure = firstError(text, p.exitValue());
    }
    List<Probe> out = new ArrayList<>();
    Matcher m = OUTPUT.matcher(text);
    while (out.size() < sqls.size()) {
      if (m.find()) {
        out.add(
            new Probe(
                Long.parseLong(m.group(1)),
                Long.parseLong(m.group(2)),
                Long.parseLong(m.group(3)),
                ""));
      } else {
        out.add(new Probe(-1, elapsed, -1, failure.isEmpty() ? "no output" : failure));
      }
    }
    return out;
  }

  private static String firstError(String text, int exit) {
    for (String line : text.split("\n")) {
      if (line.contains("Error") || line.contains("Exception")) {
        return line.strip();
      }
    }
    return "exit " + exit;
  }

  private static long count(PreparedStatement ps) throws SQLException {
    try (ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
