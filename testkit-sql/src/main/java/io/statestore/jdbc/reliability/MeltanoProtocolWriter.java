package io.statestore.jdbc.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Increments a counter state the way Meltano's local filesystem backend writes state, straight on
 * the files and without statestore: create {@code <dir>/<id>/lock} exclusively holding the UTC
 * epoch seconds, read {@code state.json}, rewrite it in place, remove the lock. A lock that exists
 * is waited on (it is never stale here). It starts once the counter has moved, pauses {@code
 * retryMillis} between increments, and between reading and writing holds the lock for {@code
 * holdMillis}, as Meltano does while it works. Run as {@code main(dir, stateId, n, retryMillis,
 * holdMillis)}.
 */
public final class MeltanoProtocolWriter {
  private static final Pattern COUNTER = Pattern.compile("\"n\": (\\d+)");

  private MeltanoProtocolWriter() {}

  /** Entry point of a child JVM; prints {@code done waits=<k>} at the end. */
  public static void main(String[] args) throws Exception {
    long waits =
        run(
            Path.of(args[0]),
            args[1],
            Integer.parseInt(args[2]),
            Long.parseLong(args[3]),
            Long.parseLong(args[4]));
    System.out.println("done waits=" + waits);
  }

  /** Runs {@code n} increments; returns how many times the lock was found held. */
  public static long run(Path dir, String stateId, int n, long retryMillis, long holdMillis)
      throws IOException, InterruptedException {
    Path stateDir = dir.resolve(stateId);
    Path lock = stateDir.resolve("lock");
    Path state = stateDir.resolve("state.json");
    long waits = 0;
    // Start once the other writers have (their JVMs take longer to start), so that all overlap.
    while (counter(Files.readString(state, StandardCharsets.UTF_8)) == 0) {
      Thread.sleep(retryMillis);
    }
    for (int i = 0; i < n; i++) {
      Thread.sleep(retryMillis);
      while (!tryLock(lock)) {
        waits++;
        Thread.sleep(retryMillis);
      }
      try {
        long next = counter(Files.readString(state, StandardCharsets.UTF_8)) + 1;
        Thread.sleep(holdMillis);
        // Meltano rewrites the file in place (open(path, "w")), not through a rename.
        Files.writeString(
            state,
            "{\"completed\": {\"n\": " + next + "}, \"partial\": {}}",
            StandardCharsets.UTF_8,
            StandardOpenOption.TRUNCATE_EXISTING,
            StandardOpenOption.WRITE);
      } finally {
        Files.delete(lock);
      }
    }
    return waits;
  }

  private static long counter(String body) {
    Matcher m = COUNTER.matcher(body);
    if (!m.find()) {
      throw new IllegalStateException("not a counter state: " + body);
    }
    return Long.parseLong(m.group(1));
  }

  private static boolean tryLock(Path lock) throws IOException {
    Instant now = Instant.now();
    String stamp = now.getEpochSecond() + "." + String.format("%06d", now.getNano() / 1000);
    try {
      Files.writeString(
          lock,
          stamp,
          StandardCharsets.US_ASCII,
          StandardOpenOption.CREATE_NEW,
          StandardOpenOption.WRITE);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (NoSuchFileException e) {
      Files.createDirectories(lock.getParent());
      return false;
    }
  }
}
