package io.statestore.backend.file;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.Version;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guard works across processes: while another process holds it, a conditional write waits; when
 * that process dies (without releasing anything) the OS drops its lock and the write goes through.
 */
class StoreGuardProcessTest {
  @TempDir Path dir;

  @Test
  @Timeout(60)
  void aConditionalWaitsForAnotherProcessAndADeadHolderLeavesNoStaleGuard() throws Exception {
    FileBackend backend = FileBackend.open(dir, FileLayout.POSIX, false);
    Version v = backend.write("s", ObjectKind.LOCK, "1.0".getBytes(), Precondition.absent());

    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    Process holder =
        new ProcessBuilder(
                java.toString(),
                "-cp",
                System.getProperty("java.class.path"),
                GuardHolder.class.getName(),
                dir.resolve(StoreGuard.FILE_NAME).toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      BufferedReader out =
          new BufferedReader(
              new InputStreamReader(holder.getInputStream(), StandardCharsets.US_ASCII));
      String line = CompletableFuture.supplyAsync(() -> readLine(out)).get(30, TimeUnit.SECONDS);
      assertEquals("locked", line);

      Future<Version> write =
          pool.submit(
              () -> backend.write("s", ObjectKind.LOCK, "2.0".getBytes(), Precondition.matches(v)));
      Thread.sleep(300);
      assertFalse(write.isDone(), "waits while another process holds the guard");

      // A create-if-absent needs no guard: the hard link is atomic by itself.
      backend.write("other", ObjectKind.LOCK, "1.0".getBytes(), Precondition.absent());

      holder.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      write.get(30, TimeUnit.SECONDS);
      assertArrayEquals(
          "2.0".getBytes(), backend.read("s", ObjectKind.LOCK).orElseThrow().content());
    } finally {
      holder.destroyForcibly();
      pool.shutdownNow();
    }
  }

  private static String readLine(BufferedReader in) {
    try {
      return in.readLine();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
