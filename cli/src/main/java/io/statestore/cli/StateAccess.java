package io.statestore.cli;

import io.statestore.core.Deadline;
import io.statestore.core.LockInfo;
import io.statestore.core.ReadWarnings;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.core.WarningScope;
import io.statestore.jdbc.DriverStores;
import io.statestore.migrate.StatePattern;
import io.statestore.spi.ListedState;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Reads and writes the states of one store, the way Meltano's state service does: the stored
 * document, its merged form, and writes conditional on the body read, each under the state's lock.
 *
 * <p>It works on the store itself ({@link StateStore}), without the SQL engine, and makes the same
 * store calls, in the same order, as the SQL statements the driver runs for the same work ({@code
 * SELECT ... WHERE state_id = ?}, {@code UPDATE ... WHERE state_id = ? AND body = ?}, {@code DELETE
 * FROM locks ...}); failures are the driver's {@link SQLException}s, with their SQLStates. Warnings
 * of a read (a damaged state returned as stored) are printed on stderr.
 */
final class StateAccess implements AutoCloseable {
  private final StateStore store;
  private final PrintWriter err;

  private StateAccess(StateStore store, PrintWriter err) {
    this.store = store;
    this.err = err;
  }

  /** Opens the store of a verb's {@code --store} and {@code --property} options. */
  static StateAccess open(StoreArgs args, PrintWriter err) throws SQLException {
    // Warnings given while opening are a connection's; the command never showed those.
    return new StateAccess(args.open(new ArrayList<>()), err);
  }

  @Override
  public void close() {
    store.close();
  }

  /**
   * A state, read as {@code SELECT ... WHERE state_id = ?} reads it; with {@code showWarnings}, the
   * warnings of the read are printed.
   */
  Optional<StateRecord> read(String stateId, boolean showWarnings) throws SQLException {
    if (!showWarnings) {
      return call(() -> store.get(stateId, Deadline.none()));
    }
    ReadWarnings warnings = new ReadWarnings();
    Optional<StateRecord> found;
    try (WarningScope scope = warnings.enter()) {
      found = call(() -> store.get(stateId, Deadline.none()));
    }
    printWarnings(DriverStores.warnings(warnings.messages()));
    return found;
  }

  /** The stored body of a state, exactly as the store returns it, if there is one. */
  Optional<String> body(String stateId) throws SQLException {
    return read(stateId, true).map(StateRecord::bodyText);
  }

  /**
   * A time as the command shows it: to the millisecond, as the {@code TIMESTAMP(3)} columns of the
   * SQL tables hold it; {@code null} for none.
   */
  static Instant shown(Instant at) {
    return at == null ? null : at.truncatedTo(ChronoUnit.MILLIS);
  }

  /** The stored body of a state; a missing state is an error. */
  String existingBody(String stateId) throws SQLException {
    return body(stateId)
        .orElseThrow(
            () -> new UserException("No state with state_id '" + stateId + "'", "42704", null));
  }

  /** Prints each warning of a chain on stderr, once. */
  void printWarnings(SQLWarning w) {
    Set<String> seen = new HashSet<>();
    for (; w != null; w = w.getNextWarning()) {
      if (seen.add(w.getMessage())) {
        err.println("statestore: warning: " + StatestoreCommand.oneLine(w.getMessage()));
      }
    }
  }

  /** What is done with each listed state. */
  interface Listed {
    void state(ListedState state) throws SQLException;
  }

  /** Hands each state whose id matches {@code pattern} to {@code action}, in listing order. */
  void forEachState(StatePattern pattern, Listed action) throws SQLException {
    try (Stream<ListedState> listed = call(() -> store.list(pattern.prefix(), Deadline.none()))) {
      for (var it = listed.iterator(); call(it::hasNext); ) {
        ListedState s = call(it::next);
        if (pattern.matches(s.stateId())) {
          action.state(s);
        }
      }
    }
  }

  /** Every state id, in id order. */
  List<String> ids() throws SQLException {
    List<String> ids = new ArrayList<>();
    forEachState(StatePattern.of(null), s -> ids.add(s.stateId()));
    ids.sort(Comparator.naturalOrder());
    return ids;
  }

  /** The locks present now whose ids match {@code pattern}, in id order. */
  List<LockInfo> locks(StatePattern pattern) throws SQLException {
    List<LockInfo> out = new ArrayList<>();
    try (Stream<LockInfo> locks = call(() -> store.locks(pattern.prefix(), Deadline.none()))) {
      for (var it = locks.iterator(); call(it::hasNext); ) {
        LockInfo l = call(it::next);
        if (pattern.matches(l.stateId())) {
          out.add(l);
        }
      }
    }
    out.sort(Comparator.comparing(LockInfo::stateId));
    return out;
  }

  /** The two parts of a stored document, {@code completed} and {@code partial}. */
  static Map<String, Object>[] parts(String stateId, String body) {
    Map<String, Object> doc =
        StateJson.parseObject(
            body,
            "The stored state of state_id '"
                + stateId
                + "' (see it with 'statestore get --raw "
                + stateId
                + "')");
    @SuppressWarnings("unchecked")
    Map<String, Object>[] parts = new Map[2];
    parts[0] = part(stateId, doc, StateJson.COMPLETED);
    parts[1] = part(stateId, doc, StateJson.PARTIAL);
    return parts;
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> part(String stateId, Map<String, Object> doc, String key) {
    Object value = doc.get(key);
    if (value == null) {
      return new LinkedHashMap<>();
    }
    if (!(value instanceof Map)) {
      throw new UserException(
          "The "
              + key
              + " state of state_id '"
              + stateId
              + "' is a "
              + StateJson.typeName(value)
              + ", not an object");
    }
    return (Map<String, Object>) value;
  }

  /**
   * The state a run would start from, as Meltano's {@code get_state} returns it: the partial state
   * merged onto the completed state.
   */
  static Map<String, Object> merged(String stateId, String body) {
    Map<String, Object>[] parts = parts(stateId, body);
    return StateJson.merge(parts[1], parts[0]);
  }

  /**
   * Creates or replaces a state: created when {@code expected} is {@code null}, else replaced only
   * if the stored body is still {@code expected}.
   *
   * @throws UserException when the state was changed or deleted meanwhile
   */
  void write(String stateId, String expected, String body) throws SQLException {
    if (expected == null) {
      call(() -> store.insert(stateId, body, Deadline.none()));
      return;
    }
    String now = current(stateId, expected);
    call(() -> store.replaceIfBody(stateId, body, bytes(now), Deadline.none()));
  }

  /** Deletes a state if it is still {@code expected}. */
  void delete(String stateId, String expected) throws SQLException {
    String now = current(stateId, expected);
    call(
        () -> {
          store.deleteIfBody(stateId, bytes(now), Deadline.none());
          return null;
        });
  }

  /** Deletes a state whatever it holds (under its lock); whether there was one. */
  boolean clear(String stateId) throws SQLException {
    Optional<StateRecord> found = read(stateId, false);
    if (found.isEmpty()) {
      return false;
    }
    byte[] seen = bytes(found.get().bodyText());
    call(
        () -> {
          store.deleteIfBody(stateId, seen, Deadline.none());
          return null;
        });
    return true;
  }

  /** Removes the lock of a state whoever holds it; whether there was one. */
  boolean unlock(String stateId) throws SQLException {
    return call(
        () -> store.lockInfo(stateId, Deadline.none()).isPresent() && store.forceUnlock(stateId));
  }

  /**
   * The stored body, read again right before a conditional write: still {@code expected}, or the
   * write is refused as one of a state changed meanwhile.
   */
  private String current(String stateId, String expected) throws SQLException {
    Optional<StateRecord> now = read(stateId, false);
    if (now.isEmpty() || !now.get().bodyText().equals(expected)) {
      throw changedMeanwhile(stateId);
    }
    return now.get().bodyText();
  }

  private static byte[] bytes(String body) {
    return body.getBytes(StandardCharsets.UTF_8);
  }

  /** Runs a store call; a failure is the driver's {@link SQLException} for it. */
  static <T> T call(Supplier<T> call) throws SQLException {
    try {
      return call.get();
    } catch (UserException e) {
      throw e;
    } catch (RuntimeException e) {
      throw DriverStores.error(e);
    }
  }

  static UserException changedMeanwhile(String stateId) {
    return new UserException(
        "State_id '"
            + stateId
            + "' was changed or deleted by someone else meanwhile; nothing written, run again");
  }

  /**
   * Refuses a state Meltano would refuse ({@code InvalidJobStateError}): one without a top-level
   * {@code singer_state} key.
   */
  static Map<String, Object> requireSingerState(Map<String, Object> state, String what) {
    if (!state.containsKey(StateJson.SINGER_STATE)) {
      throw new UserException(
          what
              + " has no top-level 'singer_state' key: "
              + StateJson.SINGER_STATE
              + " not found in top level of provided state");
    }
    return state;
  }

  /**
   * Sets a state as Meltano's {@code set_state} does: the given state becomes the completed state,
   * the partial state is emptied. Conditional on the body read; returns whether it created the
   * state.
   */
  boolean setCompleted(String stateId, Map<String, Object> state) throws SQLException {
    String current = body(stateId).orElse(null);
    write(stateId, current, StateJson.document(state, new LinkedHashMap<>()));
    return current == null;
  }

  /**
   * Adds a state as partial state, as Meltano's {@code add_state(..., INCOMPLETE_STATE)} does:
   * merged into the stored partial state, the completed state kept; a new state gets an empty
   * completed one.
   */
  void mergePartial(String stateId, Map<String, Object> state) throws SQLException {
    String current = body(stateId).orElse(null);
    if (current == null) {
      write(stateId, null, StateJson.document(new LinkedHashMap<>(), state));
      return;
    }
    Map<String, Object>[] parts = parts(stateId, current);
    StateJson.merge(state, parts[1]);
    write(stateId, current, StateJson.document(parts[0], parts[1]));
  }
}
