package io.statestore.backend.systemdb;

import io.statestore.core.StateIds;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The writes and deletes of state and lock rows, each one transaction. Create-if-absent is an
 * INSERT that the primary key refuses, compare-and-set an UPDATE or DELETE whose WHERE clause
 * requires the row still to be what was read, and a plain write an UPDATE followed by an INSERT
 * when there was no row. After a lost connection, a write first checks whether its lost attempt was
 * committed.
 */
final class RowWrites {
  /** The statements that write one object, whatever its table. */
  private interface RowStatements {
    /** Replaces the row if it is still at {@code expected}; {@code false} if not. */
    boolean replaceIfAt(Connection c, Version expected, LocalDateTime now) throws SQLException;

    /** Inserts the row; fails with a unique violation if there is one. */
    void insert(Connection c, LocalDateTime now) throws SQLException;

    /** Replaces the row whatever it holds; {@code false} if there is none. */
    boolean replace(Connection c, LocalDateTime now) throws SQLException;
  }

  private final Transactions transactions;
  private final MeltanoStateTable states;
  private final LockTable locks;
  private final StateCodec codec;
  private final UpdatedAt updatedAt;

  RowWrites(
      Transactions transactions,
      MeltanoStateTable states,
      LockTable locks,
      StateCodec codec,
      UpdatedAt updatedAt) {
    this.transactions = transactions;
    this.states = states;
    this.locks = locks;
    this.codec = codec;
    this.updatedAt = updatedAt;
  }

  /** Writes a state's document as its two JSON columns. */
  Version writeState(String stateId, byte[] content, Precondition precondition) {
    MeltanoStateTable.Parts parts = codec.split(stateId, content);
    Version version = StateCodec.version(StateCodec.join(parts));
    write(
        "write " + states.rowOf(stateId),
        precondition,
        new RowStatements() {
          @Override
          public boolean replaceIfAt(Connection c, Version expected, LocalDateTime now)
              throws SQLException {
            StateRow current = currentIfVersion(c, stateId, expected);
            return states.updateIfUnchanged(c, stateId, parts, now, current) > 0;
          }

          @Override
          public void insert(Connection c, LocalDateTime now) throws SQLException {
            states.insert(c, stateId, parts, now);
          }

          @Override
          public boolean replace(Connection c, LocalDateTime now) throws SQLException {
            return states.update(c, stateId, parts, now) > 0;
          }
        },
        // The row holds our parts.
        c ->
            states
                .select(c, stateId)
                .filter(r -> Objects.equals(parts.completed(), r.completed()))
                .filter(r -> Objects.equals(parts.partial(), r.partial()))
                .map(r -> true),
        ObjectKind.STATE,
        stateId);
    return version;
  }

  /** Writes a lock's text with a new random version. */
  Version writeLock(String stateId, byte[] content, Precondition precondition) {
    String text = new String(content, StandardCharsets.UTF_8);
    if (text.length() > Schema.LOCK_FIELD_LENGTH
        || !Arrays.equals(text.getBytes(StandardCharsets.UTF_8), content)) {
      throw new StateStoreException(
          ErrorKind.INVALID_INPUT,
          "The lock content of state_id "
              + StateIds.quote(stateId)
              + " must be text of at most "
              + Schema.LOCK_FIELD_LENGTH
              + " characters, got "
              + content.length
              + " bytes");
    }
    String version = UUID.randomUUID().toString();
    write(
        "write the lock of " + locks.rowOf(stateId),
        precondition,
        new RowStatements() {
          @Override
          public boolean replaceIfAt(Connection c, Version expected, LocalDateTime now)
              throws SQLException {
            return locks.update(c, stateId, text, version, now, expected) > 0;
          }

          @Override
          public void insert(Connection c, LocalDateTime now) throws SQLException {
            locks.insert(c, stateId, text, version, now);
          }

          @Override
          public boolean replace(Connection c, LocalDateTime now) throws SQLException {
            return locks.update(c, stateId, text, version, now, null) > 0;
          }
        },
        // The lock has our version.
        c ->
            locks
                .select(c, stateId)
                .filter(o -> o.version().token().equals(version))
                .map(o -> true),
        ObjectKind.LOCK,
        stateId);
    return new Version(version);
  }

  /**
   * Writes one object as its precondition asks.
   *
   * @param written after a lost connection: whether the first attempt was committed
   */
  private void write(
      String what,
      Precondition precondition,
      RowStatements statements,
      Transactions.Work<Optional<Boolean>> written,
      ObjectKind kind,
      String stateId) {
    if (precondition instanceof Precondition.Matches m) {
      transactions.write(
          what,
          false,
          c -> {
            if (!statements.replaceIfAt(c, m.version(), updatedAt.now())) {
              throw changed(stateId, kind);
            }
            return true;
          },
          written);
    } else if (precondition instanceof Precondition.Absent) {
      transactions.write(
          what,
          false,
          c -> {
            statements.insert(c, updatedAt.now());
            return true;
          },
          written);
    } else {
      transactions.write(
          what,
          true,
          c -> {
            LocalDateTime now = updatedAt.now();
            if (!statements.replace(c, now)) {
              statements.insert(c, now);
            }
            return true;
          },
          null);
    }
  }

  /**
   * Deletes one object, only if it is at {@code expected} when that is given.
   *
   * @return whether there was one
   */
  boolean delete(String stateId, ObjectKind kind, Version expected) {
    if (kind == ObjectKind.LOCK) {
      return transactions.write(
          "delete the lock of " + locks.rowOf(stateId),
          false,
          c -> {
            int deleted = locks.delete(c, stateId, expected);
            if (deleted == 0 && expected != null) {
              throw changed(stateId, kind);
            }
            return deleted > 0;
          },
          // After a lost connection the first attempt may have deleted it.
          expected == null ? null : c -> absent(locks.select(c, stateId)));
    }
    return transactions.write(
        "delete " + states.rowOf(stateId),
        false,
        c -> {
          if (expected == null) {
            return states.delete(c, stateId) > 0;
          }
          StateRow current = currentIfVersion(c, stateId, expected);
          if (states.deleteIfUnchanged(c, stateId, current) == 0) {
            throw changed(stateId, kind);
          }
          return true;
        },
        expected == null ? null : c -> absent(states.select(c, stateId)));
  }

  private static Optional<Boolean> absent(Optional<?> row) {
    return row.isEmpty() ? Optional.of(true) : Optional.empty();
  }

  /** The row as it is now, if its version is {@code expected}; else {@link ErrorKind#CONFLICT}. */
  private StateRow currentIfVersion(Connection c, String stateId, Version expected)
      throws SQLException {
    Optional<StateRow> current = states.select(c, stateId);
    if (current.isEmpty() || !codec.read(stateId, current.get()).version().equals(expected)) {
      throw changed(stateId, ObjectKind.STATE);
    }
    return current.get();
  }

  /** The {@link ErrorKind#CONFLICT} of a compare-and-set that found the object changed. */
  StateStoreException changed(String stateId, ObjectKind kind) {
    return new StateStoreException(
        ErrorKind.CONFLICT,
        kind == ObjectKind.LOCK
            ? "The lock of "
                + locks.rowOf(stateId)
                + " was taken over or released since it was read"
            : "The row of " + states.rowOf(stateId) + " changed or was deleted since it was read");
  }
}
