package io.statestore.jdbc.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.statestore.jdbc.CounterWorker;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * No lost update under load from several processes: four JVMs each run {@code UPDATE state SET body
 * = <counter + 1>} 250 times (scaled by {@link Scale}) with the documented retry on 40001, and the
 * counter ends at exactly the number of increments. On stores in local files a fifth kind of writer
 * joins: one following Meltano's lock protocol straight on the files.
 */
public abstract class LostUpdateTortureContract {
  /** A fresh store shared by processes. */
  protected abstract StoreFixture store() throws Exception;

  /*
   * The test keeps a connection open while the workers run, as a SQL client would: an embedded H2
   * database then stays served by this JVM. (Several JVMs opening a closed H2 file database in the
   * same instant can fail with H2's "Lock file recently modified"; see docs/guarantees.md.)
   */

  private static String fastLocks(String url) {
    return Urls.with(url, "lock_retry_seconds", "0.005");
  }

  private static List<ChildJvm> sqlWorkers(String url, int processes, int n) throws Exception {
    List<ChildJvm> children = new ArrayList<>();
    for (int p = 0; p < processes; p++) {
      children.add(ChildJvm.start(CounterWorker.class, url, "c", String.valueOf(n)));
    }
    return children;
  }

  private static void awaitAll(List<ChildJvm> children) throws Exception {
    try {
      for (ChildJvm child : children) {
        assertEquals(0, child.await(10, TimeUnit.MINUTES), child.output());
      }
    } finally {
      for (ChildJvm child : children) {
        child.close();
      }
    }
  }

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void fourProcessesLoseNoUpdate() throws Exception {
    StoreFixture store = store();
    assumeTrue(store.sharedAcrossProcesses(), "the store lives in one JVM");
    String url = fastLocks(store.url());
    Counters.create(url, "c");
    int n = Scale.of(250, 10);
    try (Connection keeper = DriverManager.getConnection(url)) {
      awaitAll(sqlWorkers(url, 4, n));
    }
    assertEquals(4L * n, Counters.read(url, "c"));
  }

  @Test
  @Timeout(value = 12, unit = TimeUnit.MINUTES)
  void meltanoProtocolWriterAmongThemLosesNothing() throws Exception {
    StoreFixture store = store();
    assumeTrue(store.directory().isPresent(), "only stores in local files");
    assumeTrue(store.sharedAcrossProcesses(), "the store lives in one JVM");
    String url = fastLocks(store.url());
    Counters.create(url, "c");
    int n = Scale.of(250, 10);
    Path dir = store.directory().orElseThrow();
    List<ChildJvm> children = sqlWorkers(url, 3, n);
    children.add(
        ChildJvm.start(
            MeltanoProtocolWriter.class, dir.toString(), "c", String.valueOf(n), "5", "3"));
    try (Connection keeper = DriverManager.getConnection(url)) {
      awaitAll(children);
    }
    assertEquals(4L * n, Counters.read(url, "c"));
  }
}
