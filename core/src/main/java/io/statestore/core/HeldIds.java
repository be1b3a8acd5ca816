package io.statestore.core;

import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import java.util.stream.Stream;

/**
 * Applies a store's id rule: an id the rule refuses is still used when the store already holds it
 * (another tool wrote it), found through the backend's own listing, so the backend is never asked
 * for a name it did not list itself.
 */
final class HeldIds {
  private static final StateIdRule TEXT = StateIdRule.anyText("any store");

  private final StateBackend backend;
  private final StateIdRule rule;

  HeldIds(StateBackend backend, StateIdRule rule) {
    this.backend = backend;
    this.rule = rule;
  }

  /** The id, when the rule accepts it or the store holds an object of {@code kind} under it. */
  String check(String stateId, ObjectKind kind, Deadline deadline) {
    if (stateId != null && (rule.accepts(stateId) || holds(stateId, kind, deadline))) {
      return stateId;
    }
    return StateIds.validate(stateId, rule);
  }

  /** Whether a read of the id may reach the backend; {@code MISSING_VALUE} for {@code null}. */
  boolean readable(String stateId, Deadline deadline) {
    if (stateId == null) {
      throw new StateStoreException(ErrorKind.MISSING_VALUE, "state_id is NULL");
    }
    return rule.accepts(stateId) || holds(stateId, ObjectKind.STATE, deadline);
  }

  /** Whether the backend lists an object of {@code kind} under exactly this id. */
  boolean holds(String stateId, ObjectKind kind, Deadline deadline) {
    if (!TEXT.accepts(stateId) || hasControlCharacter(stateId)) {
      // Object stores list through XML, which cannot carry control characters: such a prefix
      // makes the listing itself fail, and no store that refuses the id lists one.
      return false;
    }
    String what = "looking up state_id " + StateIds.quote(stateId) + " in " + backend.describe();
    try (Stream<ListedState> listed =
        BoundedCalls.stream(deadline, what, () -> backend.list(kind, stateId))) {
      return listed.anyMatch(s -> s.stateId().equals(stateId));
    } catch (StateStoreException e) {
      if (e.kind() == ErrorKind.INVALID_CONFIGURATION) {
        // A store that does not exist yet (a file store's directory before its first write)
        // holds no id: a point read of it finds nothing, as for any id, and a write is refused
        // by the rule rather than by the missing store.
        return false;
      }
      throw e;
    }
  }

  private static boolean hasControlCharacter(String id) {
    for (int i = 0; i < id.length(); i++) {
      if (Character.isISOControl(id.charAt(i))) {
        return true;
      }
    }
    return false;
  }
}
