package io.statestore.cli;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes single states over a driver connection, the way Meltano's state service does:
 * the stored document, its merged form, and writes conditional on the body read (under the state's
 * lock, by the driver). Warnings the driver attaches to a read (a damaged state returned as stored)
 * are printed on stderr.
 */
final class StateAccess {
  private final Connection connection;
  private final PrintWriter err;

  StateAccess(Connection connection, PrintWriter err) {
    this.connection = connection;
    this.err = err;
  }

  /** The stored body of a state, exactly as the store returns it, if there is one. */
  Optional<String> body(String stateId) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("SELECT body FROM state WHERE state_id = ?")) {
      s.setString(1, stateId);
      try (ResultSet rs = s.executeQuery()) {
        Optional<String> body = rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        printWarnings(rs.getWarnings());
        printWarnings(s.getWarnings());
        return body;
      }
    }
  }

  /** The stored body of a state; a missing state is an error. */
  String existingBody(String stateId) throws SQLException {
    return body(stateId)
        .orElseThrow(
            () -> new UserException("No state with state_id '" + stateId + "'", "42704", null));
  }

  /** Prints each warning of a chain on stderr, once. */
  void printWarnings(SQLWarning w) {
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (; w != null; w = w.getNextWarning()) {
      if (seen.add(w.getMessage())) {
        err.println("statestore: warning: " + StatestoreCommand.oneLine(w.getMessage()));
      }
    }
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
   * Creates or replaces a state: an INSERT when {@code expected} is {@code null}, else an UPDATE
   * conditional on the stored body still being {@code expected}.
   *
   * @throws UserException when the state was created, changed or deleted meanwhile
   */
  void write(String stateId, String expected, String body) throws SQLException {
    if (expected == null) {
      try (PreparedStatement s =
          connection.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
        s.setString(1, stateId);
        s.setString(2, body);
        s.executeUpdate();
      }
      return;
    }
    try (PreparedStatement s =
        connection.prepareStatement("UPDATE state SET body = ? WHERE state_id = ? AND body = ?")) {
      s.setString(1, body);
      s.setString(2, stateId);
      s.setString(3, expected);
      if (s.executeUpdate() == 0) {
        throw changedMeanwhile(stateId);
      }
    }
  }

  /** Deletes a state if it is still {@code expected}. */
  void delete(String stateId, String expected) throws SQLException {
    try (PreparedStatement s =
        connection.prepareStatement("DELETE FROM state WHERE state_id = ? AND body = ?")) {
      s.setString(1, stateId);
      s.setString(2, expected);
      if (s.executeUpdate() == 0) {
        throw changedMeanwhile(stateId);
      }
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
