package io.statestore.jdbc.reliability;

import io.statestore.core.Deadline;
import io.statestore.core.StateLock;
import io.statestore.core.StateStore;
import io.statestore.core.StateStores;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A child JVM that races to take over stale locks: {@code main(storeUri, goFile, id1,id2,...)}
 * opens the store, prints {@code ready}, waits for {@code goFile} to appear, then tries to take
 * each id's lock once (waiting at most {@code lock_wait_seconds}) and keeps every lock it won,
 * printing {@code won <id>} or {@code lost <id>}.
 */
public final class TakeoverRacer {
  private TakeoverRacer() {}

  /** Entry point of a child JVM. */
  public static void main(String[] args) throws Exception {
    Path go = Path.of(args[1]);
    List<StateLock> held = new ArrayList<>();
    try (StateStore store = StateStores.open(args[0], Map.of())) {
      System.out.println("ready");
      System.out.flush();
      while (!Files.exists(go)) {
        Thread.onSpinWait();
      }
      for (String id : args[2].split(",")) {
        try {
          held.add(store.lock(id, Deadline.none()));
          System.out.println("won " + id);
        } catch (StateStoreException e) {
          if (e.kind() != ErrorKind.TIMEOUT) {
            throw e;
          }
          System.out.println("lost " + id);
        }
      }
      System.out.println("done " + held.size());
      System.out.flush();
    }
  }
}
