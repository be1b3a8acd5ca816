package io.statestore.calcite;

import io.statestore.core.Deadline;
import io.statestore.core.PreparedDocument;
import io.statestore.core.StateIds;
import io.statestore.core.StateStore;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.Version;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import org.apache.calcite.DataContext;
import org.apache.calcite.linq4j.Enumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;
import org.apache.calcite.rel.core.TableModify.Operation;

/**
 * Executes one write statement's rows against a store: one backend write per row, each under its
 * state's lock.
 *
 * <p>Rows are taken in batches of {@value #BATCH}; every row of a batch is checked (state id,
 * document, duplicates) before any of them is written, so bad input fails the statement with
 * nothing written. {@code UPDATE} and {@code DELETE} are compare-and-set on the body the statement
 * read: if another writer changed the state in between, the statement fails with {@link
 * ErrorKind#CONFLICT} (SQLState 40001) and that state is left as the other writer left it.
 */
public final class StateWriter {
  static final int BATCH = 256;
  private static final Duration UNDO_TIME = Duration.ofSeconds(30);

  private final StateStore store;
  private final boolean locksTable;
  private final Operation operation;
  private final List<String> updateColumns;
  private final int inputWidth;
  private final int tableWidth;

  StateWriter(
      StateStore store,
      boolean locksTable,
      Operation operation,
      List<String> updateColumns,
      int inputWidth,
      int tableWidth) {
    this.store = store;
    this.locksTable = locksTable;
    this.operation = operation;
    this.updateColumns = List.copyOf(updateColumns);
    this.inputWidth = inputWidth;
    this.tableWidth = tableWidth;
  }

  /** Called by generated code: writes every row and returns the single row count. */
  public Enumerable<Long> execute(DataContext root, Enumerable<?> rows) {
    Deadline deadline = deadline(root);
    if (locksTable && operation != Operation.DELETE) {
      throw new StateStoreException(
          ErrorKind.UNSUPPORTED,
          "Table locks is read-only; DELETE FROM locks WHERE state_id = ... force-unlocks");
    }
    int bodyUpdate = checkUpdateColumns();
    checkMergeShape();
    long count = 0;
    try (Enumerator<?> e = rows.enumerator()) {
      List<Object[]> batch = new ArrayList<>(BATCH);
      while (true) {
        boolean more = e.moveNext();
        if (more) {
          Object current = e.current();
          batch.add(current instanceof Object[] a ? a : new Object[] {current});
        }
        if (batch.size() == BATCH || (!more && !batch.isEmpty())) {
          count += apply(batch, bodyUpdate, deadline);
          batch.clear();
        }
        if (!more) {
          break;
        }
      }
    }
    return Linq4j.asEnumerable(List.of(count));
  }

  /** Refuses, before any row is read, a MERGE with only {@code WHEN MATCHED THEN UPDATE}. */
  private void checkMergeShape() {
    int rest = inputWidth - updateColumns.size();
    if (operation == Operation.MERGE
        && !updateColumns.isEmpty()
        && rest != 2 * tableWidth
        && rest != 2 * tableWidth - 1) {
      throw new StateStoreException(
          ErrorKind.UNSUPPORTED,
          "MERGE INTO state with only WHEN MATCHED THEN UPDATE is not supported; write it as"
              + " UPDATE state SET body = ... WHERE state_id IN (...), or add WHEN NOT MATCHED"
              + " THEN INSERT (state_id, body) VALUES (...)");
    }
  }

  private int checkUpdateColumns() {
    int body = -1;
    for (int i = 0; i < updateColumns.size(); i++) {
      String c = updateColumns.get(i);
      if (c.equalsIgnoreCase("body")) {
        body = i;
      } else {
        throw new StateStoreException(
            ErrorKind.UNSUPPORTED,
            "Column "
                + c
                + " cannot be updated; only body can (to rename a state, INSERT a copy and"
                + " DELETE the old one)");
      }
    }
    return body;
  }

  // Every row's document is checked and rendered once, before any row of the batch is written.
  private long apply(List<Object[]> batch, int bodyUpdate, Deadline deadline) {
    return switch (operation) {
      case INSERT -> insert(batch, deadline);
      case DELETE -> delete(batch, deadline);
      case UPDATE -> update(batch, tableWidth, bodyUpdate, deadline);
      case MERGE -> merge(batch, bodyUpdate, deadline);
    };
  }

  private long insert(List<Object[]> batch, Deadline deadline) {
    List<PreparedDocument> checked = new ArrayList<>(batch.size());
    Set<String> seen = new HashSet<>();
    for (Object[] row : batch) {
      PreparedDocument doc = document(id(row[0], deadline), row[1], deadline);
      if (!seen.add(doc.stateId())) {
        throw duplicate(doc.stateId(), " twice in one statement");
      }
      checked.add(doc);
    }
    if (checked.size() > 1) {
      List<Callable<Boolean>> checks = new ArrayList<>(checked.size());
      for (PreparedDocument doc : checked) {
        checks.add(() -> store.exists(doc.stateId(), deadline));
      }
      ParallelCalls.Outcome<Boolean> found = ParallelCalls.run(checks, store.parallelRequests());
      throwIfFailed(found);
      for (int i = 0; i < checked.size(); i++) {
        if (found.results().get(i)) {
          throw duplicate(checked.get(i).stateId(), "");
        }
      }
    }
    List<Callable<Version>> writes = new ArrayList<>(checked.size());
    for (PreparedDocument doc : checked) {
      writes.add(() -> store.insert(doc, deadline));
    }
    ParallelCalls.Outcome<Version> out = ParallelCalls.run(writes, store.parallelRequests());
    if (out.failure() != null) {
      List<String> inserted = new ArrayList<>(checked.size());
      List<Version> versions = new ArrayList<>(checked.size());
      for (int i = 0; i < checked.size(); i++) {
        if (out.results().get(i) != null) {
          inserted.add(checked.get(i).stateId());
          versions.add(out.results().get(i));
        }
      }
      if (out.failure() instanceof StateStoreException e) {
        throw undoInserts(inserted, versions, e);
      }
      throw out.failure();
    }
    return checked.size();
  }

  /**
   * After a row of an INSERT failed where the check ahead of the batch could not foresee it (a
   * database that compares ids without regard to case, another writer creating the same id),
   * removes the states this statement created, each only if still as written, so that the statement
   * leaves every state as it was.
   */
  private StateStoreException undoInserts(
      List<String> inserted, List<Version> versions, StateStoreException failure) {
    if (inserted.isEmpty()) {
      return failure;
    }
    Deadline undo = Deadline.after(UNDO_TIME, null);
    int removed = 0;
    for (int i = inserted.size() - 1; i >= 0; i--) {
      try {
        if (store.delete(inserted.get(i), versions.get(i), undo)) {
          removed++;
        }
      } catch (StateStoreException e) {
        failure.addSuppressed(e);
      }
    }
    String outcome =
        removed == inserted.size()
            ? "; the "
                + removed
                + " state(s) this statement had inserted before it were removed again"
            : "; of the "
                + inserted.size()
                + " state(s) this statement had inserted before it, "
                + (inserted.size() - removed)
                + " could not be removed again (changed meanwhile)";
    return new StateStoreException(failure.kind(), failure.getMessage() + outcome, failure);
  }

  private long delete(List<Object[]> batch, Deadline deadline) {
    if (locksTable) {
      long n = 0;
      for (Object[] row : batch) {
        n += store.forceUnlock(notNull(row[0])) ? 1 : 0; // the store checks it as a lock's id
      }
      return n;
    }
    List<Callable<Boolean>> writes = new ArrayList<>(batch.size());
    for (Object[] row : batch) {
      String id = id(row[0], deadline);
      byte[] expected = bytes(row[1]);
      writes.add(
          () -> {
            store.deleteIfBody(id, expected, deadline);
            return true;
          });
    }
    throwIfFailed(ParallelCalls.run(writes, store.parallelRequests()));
    return batch.size();
  }

  private static void throwIfFailed(ParallelCalls.Outcome<?> outcome) {
    if (outcome.failure() != null) {
      throw outcome.failure();
    }
  }

  private long update(List<Object[]> batch, int targetAt, int bodyUpdate, Deadline deadline) {
    List<PreparedDocument> next = new ArrayList<>(batch.size());
    for (Object[] row : batch) {
      String id = id(row[0], deadline);
      next.add(document(id, bodyUpdate < 0 ? row[1] : row[targetAt + bodyUpdate], deadline));
    }
    List<Callable<Version>> writes = new ArrayList<>(next.size());
    for (int i = 0; i < next.size(); i++) {
      PreparedDocument doc = next.get(i);
      byte[] expected = bytes(batch.get(i)[1]);
      writes.add(() -> store.replaceIfBody(doc, expected, deadline));
    }
    throwIfFailed(ParallelCalls.run(writes, store.parallelRequests()));
    return next.size();
  }

  /**
   * Runs the rows of a {@code MERGE}. Calcite 1.42 gives them as {@code [insert values (one per
   * column), target columns, update values]}; the target columns are NULL when the row matched
   * nothing, and the planner may have dropped the target's {@code state_id} from them (it equals
   * the join key). The inserted {@code state_id} is the key for both branches, so the {@code ON}
   * condition must be {@code target.state_id = <the inserted state_id>} (the upsert idiom). A MERGE
   * with only {@code WHEN MATCHED} has no inserted key in its rows and is refused: it is an UPDATE.
   */
  private long merge(List<Object[]> batch, int bodyUpdate, Deadline deadline) {
    int k = updateColumns.size();
    int rest = inputWidth - k;
    boolean hasTarget = k > 0;
    // The target's body: after its state_id when the planner kept that column.
    int targetBody = rest == 2 * tableWidth ? tableWidth + 1 : tableWidth;
    long n = 0;
    List<Object[]> inserts = new ArrayList<>();
    List<Object[]> changes = new ArrayList<>();
    for (Object[] row : batch) {
      boolean matched = hasTarget && row[targetBody] != null;
      if (!matched) {
        if (!hasTarget && store.exists(id(row[0], deadline), deadline)) {
          continue; // insert-only MERGE: an existing state is left alone
        }
        inserts.add(new Object[] {row[0], row[1]});
      } else if (bodyUpdate >= 0) {
        changes.add(new Object[] {row[0], row[targetBody], row[rest + bodyUpdate]});
      }
    }
    if (!changes.isEmpty()) {
      n += update(changes, 2, 0, deadline);
    }
    if (!inserts.isEmpty()) {
      n += insert(inserts, deadline);
    }
    return n;
  }

  /** A row's body, checked and rendered once, before any row of its batch is written. */
  private PreparedDocument document(String id, Object body, Deadline deadline) {
    if (body == null) {
      throw new StateStoreException(
          ErrorKind.MISSING_VALUE, "body of state_id " + StateIds.quote(id) + " is NULL");
    }
    return store.prepare(id, body.toString(), deadline);
  }

  /** A row's id, checked against the ids the store can hold (or holds). */
  private String id(Object value, Deadline deadline) {
    return store.checkId(notNull(value), deadline);
  }

  private static String notNull(Object value) {
    if (value == null) {
      throw new StateStoreException(ErrorKind.MISSING_VALUE, "state_id is NULL");
    }
    return value.toString();
  }

  private static byte[] bytes(Object body) {
    return body == null ? new byte[0] : body.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static StateStoreException duplicate(String id, String how) {
    return new StateStoreException(
        ErrorKind.ALREADY_EXISTS,
        "A state with state_id "
            + StateIds.quote(id)
            + " already exists"
            + how
            + "; nothing was written");
  }

  /** The statement's query timeout and cancel flag (see {@link StatementDeadline}). */
  static Deadline deadline(DataContext root) {
    return StatementDeadline.of(root);
  }
}
