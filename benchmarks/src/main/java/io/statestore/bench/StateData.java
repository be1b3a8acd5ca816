package io.statestore.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generated, Meltano-like states: ids such as {@code prod:tap-github-00042-to-target-postgres} and
 * bodies of a few KB of Singer bookmarks, written as Meltano writes them ({@code json.dumps}
 * separators), so a store returns them byte for byte.
 */
public final class StateData {
  /** The environment the prefix query selects. */
  public static final String PROD = "prod";

  private static final String[] OTHER_ENVS = {"dev", "staging", "qa", "test", "ci"};
  private static final String[] TAPS = {
    "github", "salesforce", "postgres", "stripe", "hubspot", "zendesk", "shopify", "jira"
  };
  private static final String[] TARGETS = {"postgres", "snowflake", "bigquery", "duckdb", "s3"};
  private static final String[] STREAMS = {
    "users",
    "orders",
    "invoices",
    "events",
    "tickets",
    "accounts",
    "contacts",
    "issues",
    "commits",
    "pull_requests",
    "products",
    "refunds",
    "charges",
    "customers",
    "deals",
    "companies",
    "comments",
    "labels",
    "releases",
    "subscriptions",
    "payouts",
    "sprints"
  };

  private StateData() {}

  /**
   * {@code total} distinct ids of which exactly {@code prod} start with {@code prod:}, the others
   * spread over other environments, in a shuffled (not sorted) order.
   */
  public static List<String> ids(int total, int prod, long seed) {
    if (prod > total) {
      throw new IllegalArgumentException("prod " + prod + " > total " + total);
    }
    Random r = new Random(seed);
    List<String> out = new ArrayList<>(total);
    for (int i = 0; i < total; i++) {
      String env = i < prod ? PROD : OTHER_ENVS[i % OTHER_ENVS.length];
      out.add(id(env, i));
    }
    java.util.Collections.shuffle(out, r);
    return out;
  }

  /** The id of the {@code n}th pipeline of an environment. */
  public static String id(String env, int n) {
    return String.format(
        Locale.ROOT,
        "%s:tap-%s-%05d-to-target-%s",
        env,
        TAPS[n % TAPS.length],
        n,
        TARGETS[(n / TAPS.length) % TARGETS.length]);
  }

  /** A state body of roughly 2–4 KB whose bookmarks depend on {@code seed} and {@code version}. */
  public static String body(long seed, int version) {
    Random r = new Random(seed * 31 + version);
    StringBuilder b = new StringBuilder(4096);
    b.append("{\"completed\": {\"singer_state\": {\"bookmarks\": {");
    int streams = 14 + r.nextInt(8);
    for (int s = 0; s < streams; s++) {
      if (s > 0) {
        b.append(", ");
      }
      String stream = STREAMS[s];
      b.append('"').append(stream).append("\": {\"replication_key\": \"updated_at\", ");
      b.append("\"replication_key_value\": \"")
          .append(timestamp(r, version))
          .append("\", \"version\": ")
          .append(1_700_000_000_000L + r.nextInt(1_000_000_000))
          .append(", \"signpost\": \"")
          .append(timestamp(r, version))
          .append("\", \"row_count\": ")
          .append(r.nextInt(5_000_000))
          .append(", \"partition\": {\"account\": \"acct_")
          .append(Long.toHexString(r.nextLong()))
          .append("\", \"region\": \"eu-west-")
          .append(1 + r.nextInt(3))
          .append("\"}}");
    }
    b.append("}, \"currently_syncing\": null}}, \"partial\": {}}");
    return b.toString();
  }

  private static String timestamp(Random r, int version) {
    return String.format(
        Locale.ROOT,
        "2026-%02d-%02dT%02d:%02d:%02d.%06d+00:00",
        1 + r.nextInt(12),
        1 + r.nextInt(28),
        (r.nextInt(24) + version) % 24,
        r.nextInt(60),
        r.nextInt(60),
        r.nextInt(1_000_000));
  }

  /** The {@code completed} member of a body, as Meltano's system database stores it. */
  public static String completedPart(String body) {
    String head = "{\"completed\": ";
    String tail = ", \"partial\": {}}";
    if (!body.startsWith(head) || !body.endsWith(tail)) {
      throw new IllegalArgumentException("not a generated body");
    }
    return body.substring(head.length(), body.length() - tail.length());
  }
}
