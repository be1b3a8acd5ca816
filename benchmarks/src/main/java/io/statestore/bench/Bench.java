package io.statestore.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs scenarios one after another, each in a directory of its own that is removed afterwards. */
public final class Bench {
  private static final Logger LOG = LoggerFactory.getLogger(Bench.class);

  private Bench() {}

  /** Every scenario, in the order they run. */
  public static List<Scenario> scenarios() {
    return List.of(
        new PointReadScenario(),
        new PointWriteScenario(),
        new PrefixQueryScenario(),
        new BodyFreeScenario(),
        new FullScanScenario(),
        new CopyScenario(),
        new LatencyScenario(),
        new EmulatorLatencyScenario(),
        new ServeScenario(),
        new ColdConnectScenario(),
        new CliColdStartScenario());
  }

  /**
   * Runs the scenarios named in {@code only} (all when empty).
   *
   * @param work a directory for the generated stores
   */
  public static List<Result> run(BenchConfig config, Path work, Set<String> only) throws Exception {
    List<Result> out = new ArrayList<>();
    for (Scenario s : scenarios()) {
      if (!only.isEmpty() && !only.contains(s.name())) {
        continue;
      }
      Path dir = Files.createDirectories(work.resolve(s.name()));
      long start = System.nanoTime();
      LOG.info("Running {}", s.name());
      try {
        out.addAll(s.run(config, dir));
      } finally {
        deleteTree(dir);
      }
      LOG.info("{} took {}", s.name(), Durations.format(System.nanoTime() - start));
    }
    return out;
  }

  /** Deletes a directory and everything under it. */
  public static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }
}
