package io.statestore.jdbc.reliability;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A separate JVM running a {@code main} class of the test class path, with its output collected
 * line by line (so a test can wait for a line, and show everything when it fails).
 */
public final class ChildJvm implements AutoCloseable {
  private final Process process;
  private final List<String> lines = new ArrayList<>();
  private final BlockingQueue<String> fresh = new LinkedBlockingQueue<>();
  private final Thread pump;

  private ChildJvm(Process process) {
    this.process = process;
    this.pump = new Thread(this::pump, "child-output-" + process.pid());
    pump.setDaemon(true);
    pump.start();
  }

  /** Starts {@code mainClass} with the arguments in a JVM of its own. */
  public static ChildJvm start(Class<?> mainClass, String... args) throws IOException {
    return start(List.of(), Map.of(), mainClass, args);
  }

  /**
   * Starts {@code mainClass} in a JVM of its own with extra JVM options (e.g. {@code
   * -Duser.timezone=Asia/Kolkata}) and environment changes: a variable mapped to {@code null} is
   * removed (e.g. {@code LANG}), any other is set.
   */
  public static ChildJvm start(
      List<String> jvmOptions, Map<String, String> env, Class<?> mainClass, String... args)
      throws IOException {
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<String> command = new ArrayList<>();
    command.add(java);
    command.add("-Xmx256m");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Xshare:auto");
    command.add("-D" + Scale.PROPERTY + "=" + Scale.factor());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass.getName());
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    env.forEach(
        (name, value) -> {
          if (value == null) {
            builder.environment().remove(name);
          } else {
            builder.environment().put(name, value);
          }
        });
    return new ChildJvm(builder.start());
  }

  private void pump() {
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line; (line = r.readLine()) != null; ) {
        synchronized (lines) {
          lines.add(line);
        }
        fresh.add(line);
      }
    } catch (IOException e) {
      // the process was killed: its output ends here
    }
  }

  /** Waits for a line starting with {@code prefix}; returns it, or null on timeout or exit. */
  public String awaitLine(String prefix, long timeout, TimeUnit unit) throws InterruptedException {
    long end = System.nanoTime() + unit.toNanos(timeout);
    while (true) {
      long left = end - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      String line = fresh.poll(Math.min(left, 100_000_000L), TimeUnit.NANOSECONDS);
      if (line != null && line.startsWith(prefix)) {
        return line;
      }
      if (line == null && !process.isAlive() && fresh.isEmpty()) {
        return null;
      }
    }
  }

  /** Waits for a normal exit; returns the exit code, or -1 if it did not exit in time. */
  public int await(long timeout, TimeUnit unit) throws InterruptedException {
    if (!process.waitFor(timeout, unit)) {
      return -1;
    }
    pump.join(TimeUnit.SECONDS.toMillis(10));
    return process.exitValue();
  }

  /** Kills the JVM at once, as a crash or {@code kill -9} would, and waits until it is gone. */
  public void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
  }

  /** Everything the JVM printed so far. */
  public String output() {
    synchronized (lines) {
      return String.join("\n", lines);
    }
  }

  /** Lines printed so far starting with {@code prefix}. */
  public List<String> lines(String prefix) {
    synchronized (lines) {
      return lines.stream().filter(l -> l.startsWith(prefix)).toList();
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
