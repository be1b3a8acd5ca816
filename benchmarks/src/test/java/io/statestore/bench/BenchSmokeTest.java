package io.statestore.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs every scenario once at a tiny size, so the harness keeps working as the product changes. It
 * asserts that each scenario ran and produced sane rows, never how fast anything was.
 */
class BenchSmokeTest {
  @TempDir Path work;

  @Test
  void everyScenarioRunsAtTinySize() throws Exception {
    List<Result> results = Bench.run(BenchConfig.tiny(), work, Set.of());

    for (Scenario s : Bench.scenarios()) {
      if (s instanceof EmulatorLatencyScenario) {
        // Without S3Proxy and Azurite installed (or node) it says so and measures nothing; the
        // rows it does give are checked below.
        continue;
      }
      assertTrue(
          results.stream().anyMatch(r -> r.scenario().startsWith(prefixOf(s.name()))),
          "no result from " + s.name());
    }
    for (Result r : results) {
      assertTrue(r.subjectStats().medianNanos() > 0, r.scenario());
      assertTrue(r.baselineStats().medianNanos() > 0, r.scenario());
      assertTrue(Double.isFinite(r.ratio()) && r.ratio() > 0, r.scenario());
    }
    StringWriter text = new StringWriter();
    ResultTable.print(results, new PrintWriter(text));
    assertEquals(results.size() + 2, text.toString().lines().count());
    try (var left = Files.list(work)) {
      assertEquals(0, left.count(), "scenarios must remove their data");
    }
  }

  @Test
  void tinyDataIsMeltanoLike() {
    List<String> ids = StateData.ids(50, 7, 1);
    assertEquals(50, Set.copyOf(ids).size());
    assertEquals(7, ids.stream().filter(i -> i.startsWith(StateData.PROD + ":")).count());
    String body = Fixtures.body(ids.get(0));
    assertTrue(body.startsWith("{\"completed\": {\"singer_state\": {\"bookmarks\": {"), body);
    assertTrue(body.endsWith(", \"partial\": {}}"), body);
    assertTrue(body.length() > 2000 && body.length() < 8000, "size " + body.length());
  }

  private static String prefixOf(String scenario) {
    return switch (scenario) {
      case "point-read" -> "point read";
      case "point-write" -> "point write";
      case "prefix-query" -> "prefix query";
      case "body-free" -> "COUNT(*)";
      case "full-scan" -> "full scan";
      case "copy" -> "copy";
      case "cloud-latency" -> "full scan, 20 ms";
      case "emulator-latency" -> "emulated cloud";
      case "serve" -> "serve: point read";
      case "cold-connect" -> "connect + first query";
      case "cli-get" -> "CLI get";
      default -> throw new IllegalArgumentException(scenario);
    };
  }
}
