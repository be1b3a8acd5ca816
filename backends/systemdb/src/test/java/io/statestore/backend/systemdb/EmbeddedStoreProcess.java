package io.statestore.backend.systemdb;

import io.statestore.core.Deadline;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A second process on the embedded default store, for {@link EmbeddedDefaultStoreTest}. Arguments:
 * the home directory. It then reads commands from standard input, one per line, and answers each on
 * standard output: {@code get <id>}, {@code put <id> <body>}, {@code count <id> <n>} (adds 1 to the
 * number {@code completed.n} of a state {@code n} times, each a read then a compare-and-set,
 * retried on conflict), {@code exit}.
 */
public final class EmbeddedStoreProcess {
  private EmbeddedStoreProcess() {}

  /** Runs the process. */
  public static void main(String[] args) throws Exception {
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    BufferedReader in =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    // Retry a held lock every 20 ms rather than Meltano's 1 s, to keep the tests short.
    try (StateStore store =
        EmbeddedStores.open(Path.of(args[0]), "systemdb:?lock_retry_seconds=0.02")) {
      out.println("ready");
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        String[] cmd = line.split(" ", 3);
        try {
          switch (cmd[0]) {
            case "get" -> out.println(store.get(cmd[1]).map(r -> r.bodyText()).orElse("missing"));
            case "put" -> {
              store.upsert(cmd[1], cmd[2], Deadline.none());
              out.println("ok");
            }
            case "count" -> out.println("ok " + count(store, cmd[1], Integer.parseInt(cmd[2])));
            case "exit" -> {
              out.println("bye");
              return;
            }
            default -> out.println("unknown command");
          }
        } catch (RuntimeException e) {
          out.println("error " + e);
        }
      }
    }
  }

  /** Increments a counter {@code n} times; returns how many conflicts were retried. */
  static int count(StateStore store, String stateId, int n) {
    int conflicts = 0;
    for (int i = 0; i < n; i++) {
      while (true) {
        StateRecord r = store.get(stateId).orElseThrow();
        int value = Integer.parseInt(r.bodyText().replaceAll("\\D+", ""));
        try {
          store.replace(
              stateId,
              "{\"completed\": {\"n\": " + (value + 1) + "}}",
              r.version(),
              Deadline.after(Duration.ofSeconds(60), null));
          break;
        } catch (StateStoreException e) {
          if (e.kind() != ErrorKind.CONFLICT) {
            throw e;
          }
          conflicts++;
        }
      }
    }
    return conflicts;
  }
}
