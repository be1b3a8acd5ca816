package io.statestore.backend.systemdb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.core.Deadline;
import io.statestore.core.StateStore;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The embedded default store ({@code systemdb:}): an H2 file in the home directory (a temporary one
 * here; {@code ./.statestore} in real use) that several connections and processes share.
 */
class EmbeddedDefaultStoreTest {
  private static final String DOC = "{\"completed\": {\"n\": %d}, \"partial\": {}}";

  @TempDir Path home;

  @Test
  void readsOfAMissingStoreCreateNothingAndTheFirstWriteCreatesItOwnerOnly() throws Exception {
    Path missing = home.resolve("data").resolve("statestore");
    try (StateStore store = EmbeddedStores.open(missing, "");
        StateStore other = EmbeddedStores.open(missing, "")) {
      assertEquals(0, store.list("").count());
      assertTrue(store.get("dev:a").isEmpty());
      assertEquals(0, store.locks("", Deadline.none()).count());
      assertFalse(Files.exists(home.resolve("data")), "a read created the directory");

      store.upsert("dev:a", DOC.formatted(1), Deadline.none());
      assertTrue(Files.exists(missing.resolve("statestore.mv.db")));
      assertEquals(
          java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"),
          Files.getPosixFilePermissions(missing));
      // A store opened before the database existed finds it once it does.
      assertEquals(1, other.list("").count());
      assertTrue(other.get("dev:a").isPresent());
    }
  }

  @Test
  void isAnH2FileInTheHomeDirectory() {
    try (StateStore store = EmbeddedStores.open(home, "")) {
      store.upsert("dev:a", DOC.formatted(1), Deadline.none());
      assertEquals(
          "systemdb:jdbc:h2:file:" + home.resolve("statestore") + JdbcUrls.H2_OPTIONS,
          store.describe());
    }
    assertTrue(Files.exists(home.resolve("statestore.mv.db")));
    try (StateStore reopened = EmbeddedStores.open(home, "systemdb:")) {
      assertEquals(DOC.formatted(1), reopened.get("dev:a").orElseThrow().bodyText());
    }
  }

  @Test
  void twoStoresInOneProcessShareIt() {
    try (StateStore first = EmbeddedStores.open(home, "systemdb:");
        StateStore second = EmbeddedStores.open(home, "systemdb:")) {
      first.upsert("shared", DOC.formatted(1), Deadline.none());
      var read = second.get("shared").orElseThrow();
      second.replace("shared", DOC.formatted(2), read.version(), Deadline.none());
      assertEquals(DOC.formatted(2), first.get("shared").orElseThrow().bodyText());
    }
  }

  @Test
  @Timeout(120)
  void anotherProcessSharesItWhicheverOpenedItFirst() throws Exception {
    // This process opens it first and serves it; the other connects through H2's auto-server.
    try (StateStore store = EmbeddedStores.open(home, "systemdb:")) {
      store.upsert("from-parent", DOC.formatted(1), Deadline.none());
      try (Child child = Child.started(home)) {
        assertEquals(DOC.formatted(1), child.ask("get from-parent"));
        assertEquals("ok", child.ask("put from-child " + DOC.formatted(2)));
        assertEquals("bye", child.ask("exit"));
      }
      assertEquals(DOC.formatted(2), store.get("from-child").orElseThrow().bodyText());
    }

    // The other process opens it first and serves it; when it exits, this one takes over.
    try (Child child = Child.started(home)) {
      try (StateStore store = EmbeddedStores.open(home, "systemdb:")) {
        assertEquals("ok", child.ask("put served-by-child " + DOC.formatted(3)));
        assertEquals(DOC.formatted(3), store.get("served-by-child").orElseThrow().bodyText());
        store.upsert("from-client", DOC.formatted(4), Deadline.none());
        assertEquals(DOC.formatted(4), child.ask("get from-client"));
        assertEquals("bye", child.ask("exit"));
        child.awaitExit();
        store.upsert("after-hand-over", DOC.formatted(5), Deadline.none());
        assertEquals(DOC.formatted(5), store.get("after-hand-over").orElseThrow().bodyText());
      }
    }
  }

  @Test
  @Timeout(120)
  void concurrentProcessesLoseNoUpdateWhenTheServingOneLeaves() throws Exception {
    StateStore store = EmbeddedStores.open(home, "systemdb:?lock_retry_seconds=0.02");
    store.upsert("counter", DOC.formatted(0), Deadline.none());
    try (Child child = Child.started(home)) {
      // Both count at once; this process serves the file, then closes its store while the other
      // is still counting, which must take the file over and carry on.
      child.send("count counter 40");
      EmbeddedStoreProcess.count(store, "counter", 10);
      assertFalse(child.hasAnswered(), "the other process is still counting");
      store.close();
      String answer = child.readLine();
      assertTrue(answer.startsWith("ok"), answer);
      assertEquals("bye", child.ask("exit"));
    } finally {
      store.close();
    }
    try (StateStore reopened = EmbeddedStores.open(home, "systemdb:")) {
      assertEquals(DOC.formatted(50), reopened.get("counter").orElseThrow().bodyText());
    }
  }

  /** A second JVM running {@link EmbeddedStoreProcess}. */
  private static final class Child implements AutoCloseable {
    private final Path home;
    private final Process process;
    private final BufferedReader out;
    private final PrintStream in;

    private Child(Path home) throws Exception {
      this.home = home;
      process = EmbeddedStores.startProcess(home, home.resolve("children.log"));
      out =
          new BufferedReader(
              new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      in = new PrintStream(process.getOutputStream(), true, StandardCharsets.UTF_8);
    }

    /** Starts a child and waits until it has opened the store. */
    static Child started(Path home) throws Exception {
      Child child = new Child(home);
      child.awaitReady();
      return child;
    }

    void awaitReady() throws Exception {
      assertEquals("ready", readLine(), () -> "the other process failed: " + log());
    }

    private String log() {
      try {
        return Files.readString(home.resolve("children.log"));
      } catch (IOException e) {
        return e.toString();
      }
    }

    String ask(String command) throws Exception {
      send(command);
      return readLine();
    }

    boolean hasAnswered() throws IOException {
      return out.ready();
    }

    void send(String command) {
      in.println(command);
    }

    void awaitExit() throws InterruptedException {
      assertTrue(process.waitFor(30, TimeUnit.SECONDS), "the other process exits");
    }

    String readLine() throws Exception {
      return CompletableFuture.supplyAsync(
              () -> {
                try {
                  return out.readLine();
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .get(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
      in.close();
      try {
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        process.destroyForcibly();
      }
    }
  }
}
