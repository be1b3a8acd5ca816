package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crash safety: JVMs writing large states through the driver are killed ({@code
 * Process.destroyForcibly()}) at random moments, 21 times (see {@link #rounds()}). While they
 * write, a reader reads the files directly (on local stores), as Meltano does, and must only ever
 * see whole documents. After every round each stored state is exactly one of the bodies written
 * (never empty, never half), only the real states are listed (no temporary file is taken for a
 * state), and at the end every leftover lock turns stale after {@code lock_timeout_seconds} and is
 * taken over by the next write.
 */
public abstract class CrashSafetyContract {
  private static final Logger LOG = LoggerFactory.getLogger(CrashSafetyContract.class);
  private static final List<String> IDS = List.of("crash-a", "crash-b", "crash-c");
  private static final int WRITERS_PER_ROUND = 3;
  private static final long READY_WAIT_SECONDS = 300;

  /** A fresh store shared by processes. */
  protected abstract StoreFixture store() throws Exception;

  /**
   * Rounds of three killed writers: 7 (21 kills) whatever the scale. Stores whose other tests
   * already prove a single-request write atomic may scale this down for CI.
   */
  protected int rounds() {
    return 7;
  }

  @Test
  @Timeout(value = 10, unit = TimeUnit.MINUTES)
  void killedWritersNeverTearAState() throws Exception {
    StoreFixture store = store();
    assumeTrue(store.sharedAcrossProcesses(), "the store lives in one JVM");
    String url =
        Urls.with(
            store.url(),
            Map.of(
                "lock_timeout_seconds",
                "2",
                "lock_retry_seconds",
                "0.01",
                "lock_wait_seconds",
                "30"));
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps =
            c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
      for (String id : IDS) {
        ps.setString(1, id);
        ps.setString(2, CrashBodies.body(0, 0));
        ps.executeUpdate();
      }
    }
    Random random = new Random(20261125L);
    int rounds = rounds();
    int kills = 0;
    int leftoverLocks = 0;
    int leftoverTemps = 0;
    long directReads = 0;
    for (int round = 0; round < rounds; round++) {
      List<ChildJvm> writers = new ArrayList<>();
      try {
        // The first writer opens the store alone (it serves an embedded database), then the rest.
        writers.add(ChildJvm.start(CrashWriter.class, url, String.valueOf(round * 10 + 1), ids()));
        awaitReady(writers.get(0));
        for (int w = 1; w < WRITERS_PER_ROUND; w++) {
          writers.add(
              ChildJvm.start(CrashWriter.class, url, String.valueOf(round * 10 + 1 + w), ids()));
        }
        for (ChildJvm w : writers.subList(1, writers.size())) {
          awaitReady(w);
        }
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100 + random.nextInt(700));
        if (store.directory().isPresent()) {
          directReads += readWhileWriting(store.directory().get(), until);
        } else {
          Thread.sleep(Math.max(0, (until - System.nanoTime()) / 1_000_000));
        }
        Collections.shuffle(writers, random);
        for (ChildJvm w : writers) {
          w.kill();
          kills++;
          Thread.sleep(random.nextInt(60));
        }
      } finally {
        for (ChildJvm w : writers) {
          w.close();
        }
      }
      leftoverLocks += checkStates(store);
      leftoverTemps += store.directory().map(CrashSafetyContract::checkFiles).orElse(0);
    }
    LOG.info(
        "{} kills; {} leftover locks and {} leftover temporary files seen; {} direct reads",
        kills,
        leftoverLocks,
        leftoverTemps,
        directReads);
    assertEquals(rounds * WRITERS_PER_ROUND, kills);

    // Every leftover lock is stale after lock_timeout_seconds and the next write takes it over.
    try (Connection c = DriverManager.getConnection(url);
        PreparedStatement ps = c.prepareStatement("UPDATE state SET body = ? WHERE state_id = ?")) {
      for (String id : IDS) {
        ps.setString(1, CrashBodies.body(999, 1));
        ps.setString(2, id);
        assertEquals(1, ps.executeUpdate(), id);
      }
    }
    try (Connection c = DriverManager.getConnection(url);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locks")) {
      assertTrue(rs.next());
      assertEquals(0, rs.getInt(1), "locks left after every state was written again");
    }
    checkStates(store);
  }

  private static String ids() {
    return String.join(",", IDS);
  }

  /**
   * Waits for a writer's first write. A writer that dies fails at once; a live one is given
   * minutes, since several JVMs starting together with a cloud SDK on a busy two-core machine have
   * been seen to need more than 90 s before their first write.
   */
  private static void awaitReady(ChildJvm w) throws InterruptedException {
    long start = System.nanoTime();
    assertNotNull(
        w.awaitLine("ready", READY_WAIT_SECONDS, TimeUnit.SECONDS),
        () -> "writer not ready:\n" + w.output());
    long millis = (System.nanoTime() - start) / 1_000_000;
    if (millis > 30_000) {
      LOG.info("a writer needed {} ms for its first write", millis);
    }
  }

  /** Checks every state through SQL; returns how many locks are left. */
  private static int checkStates(StoreFixture store) throws Exception {
    Set<String> listed = new TreeSet<>();
    try (Connection c = DriverManager.getConnection(store.url());
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT state_id, body FROM state")) {
        while (rs.next()) {
          listed.add(rs.getString(1));
          assertNull(CrashBodies.problem(rs.getString(2)), rs.getString(1));
        }
      }
      assertEquals(new TreeSet<>(IDS), listed, "the states listed");
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM locks")) {
        assertTrue(rs.next());
        return rs.getInt(1);
      }
    }
  }

  /**
   * Reads every {@code state.json} straight from disk, as Meltano would, while the writers run:
   * each read must be a whole document that was written. Returns how many files were read.
   */
  private static long readWhileWriting(Path dir, long untilNanos) throws Exception {
    long reads = 0;
    while (System.nanoTime() < untilNanos) {
      for (String id : IDS) {
        String body =
            Files.readString(dir.resolve(id).resolve("state.json"), StandardCharsets.UTF_8);
        assertNull(CrashBodies.problem(body), "a reader saw a torn " + id);
        reads++;
      }
    }
    return reads;
  }

  /** Checks every {@code state.json} on disk; returns how many temporary files are left. */
  private static int checkFiles(Path dir) {
    int temps = 0;
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        if (!Files.isRegularFile(p) || p.getParent().equals(dir)) {
          continue;
        }
        String name = p.getFileName().toString();
        if (name.equals("state.json")) {
          String body = Files.readString(p, StandardCharsets.UTF_8);
          assertNull(CrashBodies.problem(body), p.toString());
        } else if (!name.equals("lock")) {
          assertTrue(name.startsWith("."), "unexpected file " + p);
          temps++;
        }
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    return temps;
  }
}
