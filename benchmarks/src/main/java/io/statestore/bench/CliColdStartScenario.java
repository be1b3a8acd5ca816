package io.statestore.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The command line's {@code statestore get} in a new JVM, timed from process start to exit, against
 * {@code java -version} with the same JVM and flags in the same run: what a user waits for beyond
 * the JVM's own start. The command runs through the distribution's launcher ({@code
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
    List<String> get = new ArrayList<>();
    if (launcher) {
      get.addAll(List.of("sh", LAUNCHER.toAbsolutePath().toString()));
    } else {
      get.add(java.toString());
      get.addAll(JVM_FLAGS);
      get.addAll(List.of("-cp", System.getProperty("java.class.path")));
      get.add("io.statestore.cli.StatestoreCommand");
    }
    get.addAll(List.of("get", "-s", store, ids.get(0)));
    List<String> version = new ArrayList<>();
    version.add(java.toString());
    version.addAll(JVM_FLAGS);
    version.add("-version");

    int runs = config.coldRuns();
    if (runs > 1) {
      run(get, work); // the jars into the file system cache
      run(version, work);
    }
    double[] subject = new double[runs];
    double[] baseline = new double[runs];
    for (int r = 0; r < runs; r++) {
      if (r % 2 == 0) {
        subject[r] = run(get, work);
        baseline[r] = run(version, work);
      } else {
        baseline[r] = run(version, work);
        subject[r] = run(get, work);
      }
    }
    return List.of(
        Result.slowdown(
            "CLI get, cold JVM, file store of 200 states",
            launcher
                ? "bin/statestore get (distribution launcher, its CDS archive)"
                : "statestore get (the launcher's JVM flags, no CDS archive)",
            "java -version, same JVM and flags",
            new Stats[] {Stats.of(subject), Stats.of(baseline)},
            Goal.atMost(2),
            runs + " processes each, alternating"));
  }

  /** Runs a process to its end; returns its wall time in nanoseconds. */
  private static double run(List<String> command, Path work)
      throws IOException, InterruptedException {
    File log = Files.createTempFile(work, "cli", ".log").toFile();
    long start = System.nanoTime();
    Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log).start();
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
