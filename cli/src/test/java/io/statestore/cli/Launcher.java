package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Runs the {@code statestore} launcher script as a user does: by {@code sh}, in a working
 * directory, with an environment, stdin and stdout on pipes, or under a pseudo-terminal made by
 * {@code script(1)}. The command's classes come from the test class path through {@code
 * STATESTORE_CLASSPATH}; the environment has no {@code STATESTORE_URI}, {@code STATESTORE_HOME},
 * {@code XDG_DATA_HOME} or {@code JAVA_OPTS} unless a test sets them.
 */
final class Launcher {
  static final Path SCRIPT = Path.of("src/main/scripts/statestore").toAbsolutePath();

  private final Path work;
  private final Path jar;
  private final Map<String, String> env = new LinkedHashMap<>();

  /** The result of one run. */
  record Run(int status, String out, String err) {
    @Override
    public String toString() {
      return "exit " + status + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** A launcher whose scratch files (an empty statestore jar, outputs) go in {@code work}. */
  Launcher(Path work) throws IOException {
    this.work = Files.createDirectories(work);
    this.jar = work.resolve("statestore-test.jar");
    try (OutputStream out = Files.newOutputStream(jar);
        JarOutputStream j = new JarOutputStream(out)) {
      j.finish();
    }
  }

  /** Sets (or, with null, removes) an environment variable of the runs that follow. */
  Launcher env(String key, String value) {
    env.put(key, value);
    return this;
  }

  /** Runs {@code statestore args...} in {@code cwd} with {@code stdin} on a pipe. */
  Run run(Path cwd, String stdin, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of("sh", SCRIPT.toString()));
    command.addAll(List.of(args));
    return start(command, cwd, stdin);
  }

  /**
   * Runs {@code statestore args...} under a pseudo-terminal ({@code script -qec <cmd> /dev/null}),
   * typing {@code stdin}; the output is what the terminal showed, echo included.
   */
  Run runInTerminal(Path cwd, String stdin, String... args)
      throws IOException, InterruptedException {
    StringBuilder cmd = new StringBuilder("sh ").append(quote(SCRIPT.toString()));
    for (String a : args) {
      cmd.append(' ').append(quote(a));
    }
    return start(List.of("script", "-qec", cmd.toString(), "/dev/null"), cwd, stdin);
  }

  /** Runs a shell command line with {@code statestore} on the PATH, as a README shows it. */
  Run shell(Path cwd, String commandLine) throws IOException, InterruptedException {
    Path bin = Files.createDirectories(work.resolve("bin"));
    Path link = bin.resolve("statestore");
    if (!Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      Files.createSymbolicLink(link, SCRIPT);
    }
    String path = bin + ":" + System.getenv().getOrDefault("PATH", "/usr/bin:/bin");
    Map<String, String> saved = new LinkedHashMap<>(env);
    env.put("PATH", path);
    try {
      return start(List.of("sh", "-c", commandLine), cwd, "");
    } finally {
      env.clear();
      env.putAll(saved);
    }
  }

  static String quote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  private Run start(List<String> command, Path cwd, String stdin)
      throws IOException, InterruptedException {
    Path out = Files.createTempFile(work, "out", ".txt");
    Path err = Files.createTempFile(work, "err", ".txt");
    ProcessBuilder pb =
        new ProcessBuilder(command)
            .directory(cwd.toFile())
            .redirectOutput(out.toFile())
            .redirectError(err.toFile());
    Map<String, String> e = pb.environment();
    Stream.of("STATESTORE_URI", "STATESTORE_HOME", "XDG_DATA_HOME", "JAVA_OPTS", "STATESTORE_JAR")
        .forEach(e::remove);
    e.put("STATESTORE_JAR", jar.toString());
    e.put("STATESTORE_CLASSPATH", System.getProperty("java.class.path"));
    e.put("JAVA_HOME", System.getProperty("java.home"));
    env.forEach(
        (k, v) -> {
          if (v == null) {
            e.remove(k);
          } else {
            e.put(k, v);
          }
        });
    Process p = pb.start();
    try (OutputStream in = p.getOutputStream()) {
      in.write(stdin.getBytes(StandardCharsets.UTF_8));
    }
    assertTrue(p.waitFor(3, TimeUnit.MINUTES), "the command did not finish: " + command);
    return new Run(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
