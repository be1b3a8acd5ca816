package io.statestore.cli;

import io.statestore.core.LockInfo;
import io.statestore.migrate.StatePattern;
import java.sql.SQLException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code statestore info}: the store in use, where its data is, whether it exists, how many states
 * and locks it holds. A store that does not exist is reported as such and not created.
 */
@Command(
    name = "info",
    mixinStandardHelpOptions = true,
    description = {
      "Show the store in use: its URI (credentials hidden), backend, directory or bucket and",
      "prefix, whether it exists, and how many states and locks it holds. Without -s it is",
      "the default store: $STATESTORE_URI, else the embedded one in $STATESTORE_HOME, else",
      "~/.statestore."
    })
final class InfoCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "text",
      description = "text (one 'key  value' line each; the default), json (one object) or csv.")
  OutputFormat format;

  @Override
  int run() throws Exception {
    StoreInfo info = StoreInfo.of(store.uri);
    Boolean exists = info.exists();
    long states = 0;
    long live = 0;
    long stale = 0;
    if (exists != Boolean.FALSE) {
      try (StateAccess access = StateAccess.open(store, io().err())) {
        long[] counted = {0};
        access.forEachState(StatePattern.of(null), s -> counted[0]++);
        states = counted[0];
        Instant now = Instant.now();
        for (LockInfo lock : access.locks(StatePattern.of(null))) {
          Instant expires = StateAccess.shown(lock.expiresAt());
          if (expires != null && expires.isBefore(now)) {
            stale++;
          } else {
            live++;
          }
        }
        exists = Boolean.TRUE;
      } catch (SQLException e) {
        boolean missing =
            "08001".equals(e.getSQLState())
                && e.getMessage() != null
                && e.getMessage().contains("does not exist");
        if (!missing || exists != null) {
          throw e;
        }
        exists = Boolean.FALSE; // a directory, bucket prefix or database that is not there
      }
    }
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("uri", info.uri());
    fields.put("backend", info.backend());
    fields.put("location", info.location());
    fields.put("location_source", info.source());
    fields.put("exists", exists);
    fields.put("states", states);
    fields.put("locks", live);
    fields.put("stale_locks", stale);
    print(fields, info, exists);
    return ExitCodes.OK;
  }

  private void print(Map<String, Object> fields, StoreInfo info, boolean exists) {
    switch (format) {
      case json -> {
        Map<String, Object> out = new LinkedHashMap<>();
        fields.forEach(
            (k, v) -> out.put(k, v instanceof Long n ? new StateJson.Num(n.toString()) : v));
        io().out().println(StateJson.plain(out));
      }
      case csv -> {
        RowPrinter rows =
            new RowPrinter(io().out(), format, fields.keySet().toArray(new String[0]));
        rows.row("", fields.values().toArray());
        rows.finish();
      }
      default -> {
        var out = io().out();
        out.println("store     " + info.uri());
        out.println("backend   " + info.backend());
        out.println(
            "location  "
                + info.location()
                + (info.source() == null ? "" : " (from " + info.source() + ")"));
        out.println("exists    " + (exists ? "yes" : "no (the first write creates it)"));
        out.println("states    " + fields.get("states"));
        out.println(
            "locks     " + fields.get("locks") + " held, " + fields.get("stale_locks") + " stale");
      }
    }
    io().out().flush();
  }
}
