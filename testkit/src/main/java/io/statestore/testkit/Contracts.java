package io.statestore.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import io.statestore.core.Deadline;
import io.statestore.core.LockTimestamps;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateStoreException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Helpers shared by the contract kit's suites. */
public final class Contracts {
  private Contracts() {}

  /** A state document in Meltano's rendering whose bookmark is {@code value}. */
  public static String doc(String value) {
    return "{\"completed\": {\"singer_state\": {\"bookmarks\": {\"users\": {\"replication_key_value\": \""
        + value
        + "\"}}}}, \"partial\": {}}";
  }

  /** The UTF-8 bytes of {@link #doc(String)}. */
  public static byte[] docBytes(String value) {
    return utf8(doc(value));
  }

  /** The UTF-8 bytes of a text. */
  public static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** A lock's content for now: the UTC epoch seconds as Python prints them. */
  public static byte[] lockNow() {
    return LockTimestamps.format(Instant.now());
  }

  /**
   * Adds one to the counter {@code {"completed": {"n": N}}} in a state by compare-and-set, reading
   * again after each conflict, as every careful client of a shared store does.
   */
  public static void increment(StateStore store, String stateId) {
    while (true) {
      StateRecord r = store.get(stateId).orElseThrow();
      int n = Integer.parseInt(r.bodyText().replaceAll("\\D+", ""));
      try {
        store.replace(
            stateId,
            "{\"completed\": {\"n\": " + (n + 1) + "}}",
            r.version(),
            Deadline.after(Duration.ofSeconds(30), null));
        return;
      } catch (StateStoreException e) {
        if (e.kind() != ErrorKind.CONFLICT) {
          throw e;
        }
      }
    }
  }

  /** The kind of the {@link StateStoreException} an action must throw. */
  public static ErrorKind kindOf(Runnable action) {
    return assertThrows(StateStoreException.class, action::run).kind();
  }

  /** The ids of {@code kind} a backend lists under {@code prefix}, in listing order. */
  public static List<String> ids(StateBackend backend, ObjectKind kind, String prefix) {
    try (Stream<ListedState> s = backend.list(kind, prefix)) {
      return s.map(ListedState::stateId).collect(Collectors.toList());
    }
  }

  /**
   * Starts {@code threads} racers at the same instant, racer {@code i} running {@code task(i)}, and
   * returns what each answered, in racer order.
   */
  public static <T> List<T> race(int threads, IntFunction<Callable<T>> task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<T>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        Callable<T> racer = task.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return racer.call();
                }));
      }
      start.countDown();
      List<T> out = new ArrayList<>();
      for (Future<T> f : futures) {
        out.add(f.get(60, TimeUnit.SECONDS));
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }
}
