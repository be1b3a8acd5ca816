package io.statestore.bench;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The command line's {@code statestore get} in a new JVM, timed from process start to exit, on a
 * file store and on the default store (embedded H2 under {@code STATESTORE_HOME}), against {@code
 * java -version} with the same JVM and flags in the same run: what a user waits for beyond the
 * JVM's own start. The command runs through the distribution's launcher ({@code
 * cli/target/statestore/bin/statestore}, with its class-data-sharing archive) when the working
 * directory holds a built one, else from this benchmark's class path with the launcher's JVM flags.
 */
public final class CliColdStartScenario implements Scenario {
  private static final Path LAUNCHER = Path.of("cli", "target", "statestore", "bin", "statestore");
  private static final List<String> JVM_FLAGS =
      List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");
  private static final long TIMEOUT_SECONDS = 120;

  @Override
  public String name() {
    return "cli-get";
  }

  @Override
  public List<Result> run(BenchConfig config, Path work) throws Exception {
    List<String> ids = StateData.ids(200, 20, 7);
    Path files = work.resolve("file");
    Fixtures.populateFiles(files, ids);
    String store = Fixtures.fileUri(files);
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    boolean launcher = Files.isRegularFile(LAUNCHER);
    List<String> statestore = new ArrayList<>();
    if (launcher) {
      statestore.addAll(List.of("sh", LAUNCHER.toAbsolutePath().toString()));
    } else {
      statestore.add(java.toString());
      statestore.addAll(JVM_FLAGS);
      statestore.addAll(List.of("-cp", System.getProperty("java.class.path")));
      statestore.add("io.statestore.cli.StatestoreCommand");
    }
    // The default store of a home of its own, filled by the command from the file store.
    Path home = work.resolve("home");
    Map<String, String> env = Map.of("STATESTORE_HOME", home.toString());
    Path export = work.resolve("export.json");
    Process exporting =
        new ProcessBuilder(with(statestore, "export", "-s", store))
            .redirectOutput(export.toFile())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    if (!exporting.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || exporting.exitValue() != 0) {
      exporting.destroyForcibly();
      throw new IllegalStateException("the export of the file store failed");
    }
    run(with(statestore, "import", export.toString()), env, work);

    List<String> getFile = with(statestore, "get", "-s", store, ids.get(0));
    List<String> getDefault = with(statestore, "get", ids.get(0));
    List<String> version = new ArrayList<>();
    version.add(java.toString());
    version.addAll(JVM_FLAGS);
    version.add("-version");

    int runs = config.coldRuns() * 2;
    if (config.coldRuns() > 1) {
      run(getFile, Map.of(), work); // the jars into the file system cache
      run(getDefault, env, work);
      run(version, Map.of(), work);
    }
    double[] file = new double[runs];
    double[] h2 = new double[runs];
    double[] baseline = new double[runs];
    double load = load();
    for (int r = 0; r < runs; r++) {
      if (r % 2 == 0) {
        file[r] = run(getFile, Map.of(), work);
        h2[r] = run(getDefault, env, work);
        baseline[r] = run(version, Map.of(), work);
      } else {
        baseline[r] = run(version, Map.of(), work);
        h2[r] = run(getDefault, env, work);
        file[r] = run(getFile, Map.of(), work);
      }
    }
    String how =
        launcher
            ? "bin/statestore get (distribution launcher, its CDS archive)"
            : "statestore get (the launcher's JVM flags, no CDS archive)";
    String note =
        String.format(
            Locale.ROOT, "%d processes each, alternating; load %.1f to %.1f", runs, load, load());
    Stats versionStats = Stats.of(baseline);
    return List.of(
        Result.slowdown(
            "CLI get, cold JVM, file store of 200 states",
            how,
            "java -version, same JVM and flags",
            new Stats[] {Stats.of(file), versionStats},
            Goal.atMost(2),
            note),
        Result.slowdown(
            "CLI get, cold JVM, default store (embedded H2) of 200 states",
            how,
            "java -version, same JVM and flags",
            new Stats[] {Stats.of(h2), versionStats},
            Goal.atMost(2),
            note));
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static List<String> with(List<String> command, String... args) {
    List<String> all = new ArrayList<>(command);
    all.addAll(List.of(args));
    return all;
  }

  /** Runs a process to its end; returns its wall time in nanoseconds. */
  private static double run(List<String> command, Map<String, String> env, Path work)
      throws IOException, InterruptedException {
    File log = Files.createTempFile(work, "cli", ".log").toFile();
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log);
    pb.environment().remove("STATESTORE_URI"); // the default store is the one under the home
    pb.environment().putAll(env);
    long start = System.nanoTime();
    Process p = pb.start();
    if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new IllegalStateException("did not finish: " + command + "; see " + log);
    }
    long nanos = System.nanoTime() - start;
    if (p.exitValue() != 0) {
      throw new IllegalStateException(
          "exit " + p.exitValue() + ": " + command + ": " + Files.readString(log.toPath()));
    }
    Files.delete(log.toPath());
    return nanos;
  }
}
