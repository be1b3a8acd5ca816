package io.statestore.core.objectstore;

import io.statestore.spi.Precondition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-memory object store behind {@link ObjectStoreClient}, with the faults of real ones: a
 * request that takes effect and loses its answer (so the SDK sends it again, and the retry meets
 * the first attempt's result), answers without a version, reads that meet a replaced version,
 * concurrent-request refusals, and another writer acting right after one of our writes.
 */
final class FakeObjectStoreClient implements ObjectStoreClient {

  /** One stored object. */
  record Obj(byte[] content, String version, String writeId) {}

  /** The operations whose answers can be changed. */
  enum Op {
    GET,
    HEAD,
    PUT
  }

  final TreeMap<String, Obj> objects = new TreeMap<>();
  private final AtomicInteger versions = new AtomicInteger();
  private final Map<Op, AtomicInteger> unversioned = new TreeMap<>();
  private final Map<Op, AtomicInteger> calls = new TreeMap<>();
  private int lostAnswers;
  private int replacedReads;
  private int busyAnswers;
  private int retriedRefusals;
  private Runnable afterNextPut;
  boolean keepsWriteIds;
  boolean reportsMd5 = true;
  boolean md5IsNotTheContentsDigest;
  final List<String> listedTokens = new ArrayList<>();

  FakeObjectStoreClient() {
    for (Op op : Op.values()) {
      unversioned.put(op, new AtomicInteger());
      calls.put(op, new AtomicInteger());
    }
  }

  /** The next {@code n} puts or deletes take effect, lose their answer and are sent again. */
  void loseAnswers(int n) {
    lostAnswers = n;
  }

  /** The next {@code n} answers to {@code op} carry no version; -1 for all of them. */
  void noVersion(Op op, int n) {
    unversioned.get(op).set(n);
  }

  /** The next {@code n} gets meet a version replaced before its bytes were read. */
  void replaceWhileReading(int n) {
    replacedReads = n;
  }

  /** The next {@code n} puts or deletes are refused as concurrent requests. */
  void busy(int n) {
    busyAnswers = n;
  }

  /**
   * The next {@code n} refused puts say they were sent more than once, as when a first attempt
   * failed before it reached the store.
   */
  void refuseAsRetried(int n) {
    retriedRefusals = n;
  }

  /** Runs once right after the next put took effect, before its answer. */
  void afterNextPut(Runnable r) {
    afterNextPut = r;
  }

  /** How many requests of {@code op} were made. */
  int calls(Op op) {
    return calls.get(op).get();
  }

  /** Another writer's unconditional write. */
  String writeAsAnotherWriter(String key, byte[] content) {
    String v = "v" + versions.incrementAndGet();
    objects.put(key, new Obj(content, v, "another-writer"));
    return v;
  }

  private boolean take(Op op) {
    AtomicInteger n = unversioned.get(op);
    return n.getAndUpdate(x -> x > 0 ? x - 1 : x) != 0;
  }

  @Override
  public synchronized Optional<Fetched> get(String key) {
    calls.get(Op.GET).incrementAndGet();
    Obj o = objects.get(key);
    if (o == null) {
      return Optional.empty();
    }
    if (replacedReads > 0) {
      replacedReads--;
      return Optional.of(Fetched.replacedWhileRead());
    }
    return Optional.of(Fetched.of(o.content(), null, take(Op.GET) ? null : o.version()));
  }

  @Override
  public synchronized Optional<Head> head(String key) {
    calls.get(Op.HEAD).incrementAndGet();
    Obj o = objects.get(key);
    if (o == null) {
      return Optional.empty();
    }
    String md5 = md5IsNotTheContentsDigest ? "0123456789abcdef0123456789abcdef" : md5(o.content());
    return Optional.of(
        new Head(
            take(Op.HEAD) ? null : o.version(),
            reportsMd5 ? md5 : null,
            keepsWriteIds ? o.writeId() : null));
  }

  private static String md5(byte[] content) {
    return AnswerChecks.md5Hex(content);
  }

  private boolean holds(String key, Precondition p) {
    Obj o = objects.get(key);
    if (p instanceof Precondition.Absent) {
      return o == null;
    }
    if (p instanceof Precondition.Matches m) {
      return o != null && o.version().equals(m.version().token());
    }
    return true;
  }

  @Override
  public Put put(String key, Write write, Precondition precondition) {
    Runnable after;
    String version;
    boolean retried = false;
    synchronized (this) {
      calls.get(Op.PUT).incrementAndGet();
      if (busyAnswers > 0) {
        busyAnswers--;
        return Put.busy(false);
      }
      if (!holds(key, precondition)) {
        return Put.refused(retriedRefusals-- > 0);
      }
      version = "v" + versions.incrementAndGet();
      objects.put(key, new Obj(write.content().clone(), version, write.writeId()));
      after = afterNextPut;
      afterNextPut = null;
      if (lostAnswers > 0) {
        lostAnswers--;
        retried = true;
      }
    }
    if (after != null) {
      after.run();
    }
    synchronized (this) {
      if (retried) {
        // The SDK sends the request again: it meets the first attempt's object.
        if (!holds(key, precondition)) {
          return Put.refused(true);
        }
        version = "v" + versions.incrementAndGet();
        objects.put(key, new Obj(write.content().clone(), version, write.writeId()));
      }
      return Put.done(take(Op.PUT) ? null : version);
    }
  }

  @Override
  public synchronized Delete delete(String key, Precondition precondition) {
    if (busyAnswers > 0) {
      busyAnswers--;
      return Delete.busy(false);
    }
    boolean retried = false;
    if (lostAnswers > 0 && holds(key, precondition) && objects.containsKey(key)) {
      lostAnswers--;
      objects.remove(key);
      retried = true;
    }
    if (!objects.containsKey(key)) {
      return Delete.missing(retried);
    }
    if (!holds(key, precondition)) {
      return Delete.refused(retried);
    }
    objects.remove(key);
    return Delete.done();
  }

  @Override
  public synchronized Page list(String keyPrefix, String pageToken, int pageSize) {
    listedTokens.add(String.valueOf(pageToken));
    List<String> keys = new ArrayList<>(objects.subMap(keyPrefix, keyPrefix + '\uffff').keySet());
    int from = pageToken == null ? 0 : Integer.parseInt(pageToken);
    int to = Math.min(keys.size(), from + pageSize);
    List<Entry> entries = new ArrayList<>();
    for (String k : keys.subList(from, to)) {
      entries.add(new Entry(k, null));
    }
    return new Page(entries, to < keys.size() ? Integer.toString(to) : null);
  }

  @Override
  public boolean keepsWriteIds() {
    return keepsWriteIds;
  }

  @Override
  public void close() {}
}
