package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state store: one backend plus everything that must behave the same on every backend — state
 * id rules, the state document rules, and Meltano's lock protocol.
 *
 * <p>Every write takes the state id's lock (a {@code lock} object holding the UTC epoch seconds at
 * which it was taken), retries every {@code lock_retry_seconds} while it is held, takes over a lock
 * older than {@code lock_timeout_seconds} with a conditional write (so two takers cannot both win),
 * performs one atomic backend write, and releases the lock only if it is still its own. Reads take
 * no lock, as in Meltano.
 *
 * <p>When the store itself fails a write (unreachable, timed out, refused: not a conflict or a bad
 * input), the document is saved to a file in {@code fallback_dir} first and the error names it, so
 * a failed write never loses the state.
 *
 * <p>Thread-safe. Open one with {@link StateStores#open}.
 */
public final class StateStore implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StateStore.class);
  private static final int TORN_READ_ATTEMPTS = 10;
  private static final long TORN_READ_PAUSE_NANOS = 50_000_000L;

  private final StateBackend backend;
  private final StoreOptions options;
  private final HeldIds ids;
  private final LockProtocol locks;

  /** Wraps a backend; the store closes it. */
  public StateStore(StateBackend backend, StoreOptions options) {
    this.backend = backend;
    this.options = options;
    this.ids = new HeldIds(backend, backend.idRule());
    this.locks = new LockProtocol(backend, options);
  }

  /** The backend under this store. */
  public StateBackend backend() {
    return backend;
  }

  /** The options in force. */
  public StoreOptions options() {
    return options;
  }

  /**
   * Checks that a write may use an id: the backend's {@code idRule()} accepts it, or the store
   * already holds it (another tool wrote it); else {@link ErrorKind#INVALID_INPUT} naming the rule.
   */
  public String checkId(String stateId, Deadline deadline) {
    return ids.check(stateId, ObjectKind.STATE, deadline);
  }

  /**
   * How many states a statement writes at once: {@code parallel_requests} when set, else the
   * backend's choice ({@link StateBackend#parallelRequests()}).
   */
  public int parallelRequests() {
    int n = options.parallelRequests();
    return n > 0 ? n : Math.max(1, backend.parallelRequests());
  }

  /** The rule the backend sets for the ids a write may create. */
  public StateIdRule idRule() {
    return backend.idRule();
  }

  /** A description of the store without secrets. */
  public String describe() {
    return backend.describe();
  }

  // ---------------------------------------------------------------- reads

  /**
   * Reads one state. A body that is not a complete document (another tool writing it in place) is
   * re-read for up to half a second; if it is still not one, the file is damaged (for instance
   * truncated by a process that died mid-write) and is returned as stored, marked {@link
   * StateRecord#damaged()}, with a warning logged and reported to the {@link ReadWarnings} entered
   * on this thread, so that it can be seen, overwritten or deleted and never hides other states.
   */
  public Optional<StateRecord> get(String stateId) {
    return get(stateId, Deadline.none());
  }

  /** Reads one state, giving up with {@link ErrorKind#TIMEOUT} when the deadline passes. */
  public Optional<StateRecord> get(String stateId, Deadline deadline) {
    if (!ids.readable(stateId, deadline)) {
      return Optional.empty(); // the store cannot hold it, and does not
    }
    String what = "reading state_id " + StateIds.quote(stateId) + " in " + describe();
    for (int attempt = 1; ; attempt++) {
      Optional<StoredObject> found =
          BoundedCalls.call(deadline, what, () -> backend.read(stateId, ObjectKind.STATE), null);
      if (found.isEmpty()) {
        return Optional.empty();
      }
      StoredObject o = found.get();
      if (StateDocuments.isDocument(o.content())) {
        return Optional.of(new StateRecord(stateId, o.content(), o.lastModified(), o.version()));
      }
      if (attempt >= TORN_READ_ATTEMPTS) {
        String warning = DamagedBodies.warning(stateId, o.content(), describe());
        LOG.warn(warning);
        ReadWarnings.report(warning);
        return Optional.of(
            new StateRecord(stateId, o.content(), o.lastModified(), o.version(), true));
      }
      Deadline.none().sleep(TORN_READ_PAUSE_NANOS, "re-reading state " + stateId);
    }
  }

  /**
   * Whether a state is stored under this id, damaged or not, without checking its body; gives up
   * with {@link ErrorKind#TIMEOUT} when the deadline passes.
   */
  public boolean exists(String stateId, Deadline deadline) {
    if (!ids.readable(stateId, deadline)) {
      return false;
    }
    String what = "reading state_id " + StateIds.quote(stateId) + " in " + describe();
    return BoundedCalls.call(deadline, what, () -> backend.read(stateId, ObjectKind.STATE), null)
        .isPresent();
  }

  /**
   * Lists state ids starting with a literal prefix, in id order, without reading bodies. Every id
   * the backend lists is returned, whoever wrote it, also one its rule would refuse for a write.
   */
  public Stream<ListedState> list(String prefix) {
    return list(prefix, Deadline.none());
  }

  /** Lists state ids as {@link #list(String)}, each step bounded by the deadline. */
  public Stream<ListedState> list(String prefix, Deadline deadline) {
    String p = prefix == null ? "" : prefix;
    return BoundedCalls.stream(
        deadline, "listing states in " + describe(), () -> backend.list(ObjectKind.STATE, p));
  }

  /** Lists current lock objects whose id starts with {@code prefix}, bounded by the deadline. */
  public Stream<LockInfo> locks(String prefix, Deadline deadline) {
    String p = prefix == null ? "" : prefix;
    return BoundedCalls.stream(
            deadline, "listing locks in " + describe(), () -> backend.list(ObjectKind.LOCK, p))
        .map(s -> lockInfo(s.stateId(), deadline))
        .flatMap(Optional::stream);
  }

  /** The lock on one state id, if any, giving up with a timeout when the deadline passes. */
  public Optional<LockInfo> lockInfo(String stateId, Deadline deadline) {
    String what = "reading the lock of state_id " + StateIds.quote(stateId) + " in " + describe();
    return BoundedCalls.call(deadline, what, () -> backend.read(stateId, ObjectKind.LOCK), null)
        .map(
            o -> {
              Instant at = LockProtocol.lockedAt(o);
              return new LockInfo(stateId, at, at.plus(options.lockTimeout()));
            });
  }

  // ---------------------------------------------------------------- writes

  /** Creates a state; {@link ErrorKind#ALREADY_EXISTS} if it exists, nothing written then. */
  public Version insert(String stateId, String body, Deadline deadline) {
    return insert(prepare(stateId, body, deadline), deadline);
  }

  /** Creates a state from a prepared document; see {@link #insert(String, String, Deadline)}. */
  public Version insert(PreparedDocument document, Deadline deadline) {
    String stateId = document.stateId();
    byte[] doc = document.bytes();
    try (StateLock lock = lock(stateId, deadline)) {
      try {
        return backend.write(stateId, ObjectKind.STATE, doc, Precondition.absent());
      } catch (StateStoreException e) {
        if (e.kind() == ErrorKind.ALREADY_EXISTS) {
          throw new StateStoreException(
              ErrorKind.ALREADY_EXISTS,
              "A state with state_id " + StateIds.quote(stateId) + " already exists",
              e);
        }
        throw e;
      }
    } catch (StateStoreException e) {
      throw keep(stateId, doc, e);
    }
  }

  /** Creates or replaces a state, whatever is there. */
  public Version upsert(String stateId, String body, Deadline deadline) {
    byte[] doc = prepare(stateId, body, deadline).bytes();
    try (StateLock lock = lock(stateId, deadline)) {
      return backend.write(stateId, ObjectKind.STATE, doc, Precondition.none());
    } catch (StateStoreException e) {
      throw keep(stateId, doc, e);
    }
  }

  /**
   * Replaces a state only if it is still at {@code expected} (the version that was read):
   * compare-and-set. {@link ErrorKind#CONFLICT} if it changed or vanished; nothing written then.
   */
  public Version replace(String stateId, String body, Version expected, Deadline deadline) {
    byte[] doc = prepare(stateId, body, deadline).bytes();
    try (StateLock lock = lock(stateId, deadline)) {
      try {
        return backend.write(stateId, ObjectKind.STATE, doc, Precondition.matches(expected));
      } catch (StateStoreException e) {
        throw Conflicts.of(stateId, e);
      }
    } catch (StateStoreException e) {
      throw keep(stateId, doc, e);
    }
  }

  /**
   * Replaces a state only if its stored body is still {@code expectedBody} (the body a statement
   * read): compare-and-set on content, checked under the lock. {@link ErrorKind#CONFLICT} if it
   * changed or vanished; nothing written then.
   */
  public Version replaceIfBody(
      String stateId, String body, byte[] expectedBody, Deadline deadline) {
    return replaceIfBody(prepare(stateId, body, deadline), expectedBody, deadline);
  }

  /** As {@link #replaceIfBody(String, String, byte[], Deadline)}, with a prepared document. */
  public Version replaceIfBody(PreparedDocument document, byte[] expectedBody, Deadline deadline) {
    String stateId = document.stateId();
    byte[] doc = document.bytes();
    try (StateLock lock = lock(stateId, deadline)) {
      Version current = currentVersionIfBody(stateId, expectedBody);
      try {
        return backend.write(stateId, ObjectKind.STATE, doc, Precondition.matches(current));
      } catch (StateStoreException e) {
        throw Conflicts.of(stateId, e);
      }
    } catch (StateStoreException e) {
      throw keep(stateId, doc, e);
    }
  }

  /**
   * Deletes a state only if its stored body is still {@code expectedBody}; see {@link
   * #replaceIfBody}.
   */
  public void deleteIfBody(String stateId, byte[] expectedBody, Deadline deadline) {
    checkId(stateId, deadline);
    try (StateLock lock = lock(stateId, deadline)) {
      Version current = currentVersionIfBody(stateId, expectedBody);
      try {
        backend.delete(stateId, ObjectKind.STATE, Precondition.matches(current));
      } catch (StateStoreException e) {
        throw Conflicts.of(stateId, e);
      }
    }
  }

  private Version currentVersionIfBody(String stateId, byte[] expectedBody) {
    Optional<StoredObject> now = backend.read(stateId, ObjectKind.STATE);
    if (now.isEmpty() || !DamagedBodies.sameBody(now.get().content(), expectedBody)) {
      throw Conflicts.of(
          stateId, new StateStoreException(ErrorKind.CONFLICT, "body changed since it was read"));
    }
    return now.get().version();
  }

  /**
   * Deletes a state, only if still at {@code expected} when that is given.
   *
   * @return whether there was a state to delete
   */
  public boolean delete(String stateId, Version expected, Deadline deadline) {
    checkId(stateId, deadline);
    try (StateLock lock = lock(stateId, deadline)) {
      Precondition p = expected == null ? Precondition.none() : Precondition.matches(expected);
      try {
        return backend.delete(stateId, ObjectKind.STATE, p);
      } catch (StateStoreException e) {
        throw Conflicts.of(stateId, e);
      }
    }
  }

  /**
   * Removes a lock whoever holds it, like {@code terraform force-unlock}.
   *
   * @return whether there was a lock
   */
  public boolean forceUnlock(String stateId) {
    ids.check(stateId, ObjectKind.LOCK, Deadline.none());
    boolean removed = backend.delete(stateId, ObjectKind.LOCK, Precondition.none());
    if (removed) {
      LOG.warn("Force-unlocked state_id {} in {}", StateIds.quote(stateId), describe());
    }
    return removed;
  }

  /**
   * The exception to throw for a write of {@code doc} that failed: when the store itself failed
   * (unreachable, timed out, refused) the document is first saved to {@code fallback_dir} and the
   * message names the file, so the state is never lost; see {@link FallbackFiles}.
   */
  private StateStoreException keep(String stateId, byte[] doc, StateStoreException failure) {
    return FallbackFiles.keep(
        options.fallbackDir(), stateId, doc, options.clock().instant(), failure);
  }

  /**
   * Checks an id for a write and a body against the document rules, and renders it once for storage
   * (see {@link StateDocuments#normalize(String, String, long)}).
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_INPUT} for an id the store cannot take or
   *     a body too large, {@link ErrorKind#INVALID_DOCUMENT} for a body that is not a document
   */
  public PreparedDocument prepare(String stateId, String body, Deadline deadline) {
    String id = checkId(stateId, deadline);
    return new PreparedDocument(id, StateDocuments.normalize(id, body, options.maxBodyBytes()));
  }

  // ---------------------------------------------------------------- locking

  /**
   * Takes the lock of one state id, waiting while someone else holds a lock that is not stale.
   *
   * @throws StateStoreException {@link ErrorKind#TIMEOUT} when the deadline or {@code
   *     lock_wait_seconds} passes first; {@link ErrorKind#CANCELLED} when cancelled
   */
  public StateLock lock(String stateId, Deadline deadline) {
    checkId(stateId, deadline);
    return locks.take(this, stateId, deadline);
  }

  void release(String stateId, Version version) {
    locks.release(stateId, version);
  }

  @Override
  public void close() {
    backend.close();
  }

  @Override
  public String toString() {
    return "StateStore[" + describe() + "]";
  }
}
