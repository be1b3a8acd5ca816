package io.statestore.cli;

import io.statestore.core.LockInfo;
import java.time.Duration;
import java.time.Instant;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code statestore locks}: the locks held now, as the {@code locks} table shows them. */
@Command(
    name = "locks",
    mixinStandardHelpOptions = true,
    description = {
      "List the lock objects present now: state_id, locked_at, expires_at (UTC), then 'live' or"
          + " 'stale' and the lock's age.",
      "A stale lock (past expires_at, i.e. older than lock_timeout_seconds) is one a writer that"
          + " died left behind: the next writer takes it over, or 'statestore unlock' removes it."
    })
final class LocksCommand extends VerbBase {
  @Mixin StoreArgs store;

  @Mixin IdPattern pattern;

  @Option(
      names = "--format",
      paramLabel = "<format>",
      defaultValue = "text",
      description =
          "text (tab-separated; the default), json (an array of {state_id, locked_at, expires_at,"
              + " stale, age_seconds}) or csv (the same columns with a header).")
  OutputFormat format;

  @Override
  int run() throws Exception {
    RowPrinter rows =
        new RowPrinter(
            io().out(), format, "state_id", "locked_at", "expires_at", "stale", "age_seconds");
    Instant now = Instant.now();
    try (StateAccess states = StateAccess.open(store, io().err())) {
      for (LockInfo lock : states.locks(pattern.compiled())) {
        String id = lock.stateId();
        Instant locked = StateAccess.shown(lock.lockedAt());
        Instant expires = StateAccess.shown(lock.expiresAt());
        boolean stale = expires != null && expires.isBefore(now);
        Long age = locked == null ? null : Duration.between(locked, now).toSeconds();
        String text =
            id
                + "\t"
                + text(locked)
                + "\t"
                + text(expires)
                + "\t"
                + (stale ? "stale" : "live")
                + (age == null ? "" : " (age " + age(age) + ")");
        rows.row(text, id, string(locked), string(expires), stale, age);
      }
    }
    rows.finish();
    return ExitCodes.OK;
  }

  private static String string(Instant i) {
    return i == null ? null : i.toString();
  }

  private static String text(Instant i) {
    return i == null ? "-" : i.toString();
  }

  /** An age as people read it: {@code 42s}, {@code 5m}, {@code 3h 4m}, {@code 812d 3h}. */
  static String age(long seconds) {
    if (seconds < 0) {
      return "0s";
    }
    if (seconds < 60) {
      return seconds + "s";
    }
    if (seconds < 3600) {
      return seconds / 60 + "m";
    }
    if (seconds < 86_400) {
      return seconds / 3600 + "h " + seconds % 3600 / 60 + "m";
    }
    return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
  }
}
