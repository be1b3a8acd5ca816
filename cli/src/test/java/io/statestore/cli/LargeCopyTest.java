package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Copies 100,000 states (times {@code -Dstatestore.test.scale}) from a file store to H2 with the
 * real command in a child JVM limited to 256 MiB of heap, and records the time and peak heap in
 * {@code target/large-copy.txt}.
 */
class LargeCopyTest {
  private static final int STATES = 100_000;

  @TempDir Path dir;

  @Test
  void copiesAHundredThousandStatesInBoundedMemory() throws Exception {
    double scale = Double.parseDouble(System.getProperty("statestore.test.scale", "1"));
    int n = Math.max(100, (int) (STATES * scale));
    Path src = dir.resolve("src");
    for (int i = 0; i < n; i++) {
      Stores.writeStateFile(
          src, String.format("dev:tap-%06d-to-target", i), Stores.doc("2024-08-01T10:00:" + i));
    }
    String dst = Stores.h2(dir.resolve("dst"));

    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    cmd.add("-Xmx256m");
    cmd.add("-cp");
    cmd.add(System.getProperty("java.class.path"));
    cmd.add("-Dorg.slf4j.simpleLogger.defaultLogLevel=warn");
    cmd.add(HeapReportingMain.class.getName());
    cmd.addAll(List.of("copy", Stores.file(src), dst));
    Path log = dir.resolve("child.log");
    long start = System.nanoTime();
    Process p =
        new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(30, TimeUnit.MINUTES), "copy did not finish");
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
    String output = Files.readString(log, StandardCharsets.UTF_8);
    assertEquals(0, p.exitValue(), output);
    assertTrue(output.contains("Copied " + n + ", skipped 0"), output);

    try (Connection c = Stores.connect(dst);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
      rs.next();
      assertEquals(n, rs.getLong(1));
    }
    Matcher m = Pattern.compile("PEAK_HEAP_BYTES=(\\d+)").matcher(output);
    assertTrue(m.find(), output);
    long peakMib = Long.parseLong(m.group(1)) / (1024 * 1024);
    report(
        n + " states file -> H2 with -Xmx256m: " + millis + " ms, peak heap " + peakMib + " MiB");
  }

  private static void report(String line) throws IOException {
    Path out = Path.of("target", "large-copy.txt");
    Files.createDirectories(out.getParent());
    Files.writeString(out, line + System.lineSeparator(), StandardCharsets.UTF_8);
    System.out.println(line);
  }
}
