package io.statestore.calcite;

import io.statestore.core.Deadline;
import io.statestore.core.StateRecord;
import io.statestore.core.StateStore;
import io.statestore.spi.ListedState;
import java.time.Instant;
import java.util.Iterator;
import java.util.Optional;
import java.util.stream.Stream;
import org.apache.calcite.linq4j.AbstractEnumerable;
import org.apache.calcite.linq4j.Enumerator;
import org.apache.calcite.linq4j.Linq4j;

/**
 * The rows of the {@code state} table for one scan, produced lazily: point look-ups or a prefix
 * listing, reading bodies only when the query asks for the {@code body} column.
 */
final class StateRows extends AbstractEnumerable<Object[]> {
  /** Column positions in the {@code state} table. */
  static final int STATE_ID = 0;

  static final int BODY = 1;
  static final int UPDATED_AT = 2;

  private final StateStore store;
  private final KeyLookup lookup;
  private final int[] projects;
  private final boolean needsBody;
  private final Deadline deadline;

  /** The rows of one scan; every read and listing step gives up when {@code deadline} passes. */
  StateRows(StateStore store, KeyLookup lookup, int[] projects, Deadline deadline) {
    this.store = store;
    this.deadline = deadline;
    this.lookup = lookup;
    this.projects = projects == null ? new int[] {STATE_ID, BODY, UPDATED_AT} : projects;
    boolean body = false;
    for (int p : this.projects) {
      body |= p == BODY;
    }
    this.needsBody = body;
  }

  @Override
  public Enumerator<Object[]> enumerator() {
    if (lookup.points() != null) {
      return new PointReads(lookup.points().iterator());
    }
    Stream<ListedState> listed =
        store.list(lookup.prefix(), deadline).filter(s -> lookup.accepts(s.stateId()));
    if (needsBody && store.parallelRequests() > 1) {
      return withBodiesReadAhead(listed);
    }
    Stream<Object[]> rows =
        needsBody
            ? listed
                .map(s -> store.get(s.stateId(), deadline))
                .flatMap(Optional::stream)
                .map(r -> row(r.stateId(), r, r.updatedAt()))
            : listed.map(s -> row(s.stateId(), null, s.lastModified()));
    Iterator<Object[]> it = rows.iterator();
    Enumerator<Object[]> e = Linq4j.iterableEnumerator(() -> it);
    return new ClosingEnumerator<>(e, rows::close);
  }

  /**
   * The listed states with their bodies, read {@code parallel_requests} at a time ahead of the row
   * that needs them, in listing order; a state removed between listing and reading is left out.
   */
  private Enumerator<Object[]> withBodiesReadAhead(Stream<ListedState> listed) {
    Iterator<String> ids = listed.map(ListedState::stateId).iterator();
    ParallelReads<Optional<StateRecord>> reads =
        new ParallelReads<>(ids, store.parallelRequests(), id -> store.get(id, deadline));
    Iterator<Object[]> it =
        Stream.generate(() -> 0)
            .takeWhile(x -> reads.hasNext())
            .map(x -> reads.next())
            .flatMap(Optional::stream)
            .map(r -> row(r.stateId(), r, r.updatedAt()))
            .iterator();
    Enumerator<Object[]> e = Linq4j.iterableEnumerator(() -> it);
    return new ClosingEnumerator<>(
        e,
        () -> {
          reads.close();
          listed.close();
        });
  }

  /**
   * The states of a set of ids, read one by one in id order as the rows are asked for; an id the
   * store does not hold gives no row. Nothing to close: no listing is open.
   */
  private final class PointReads implements Enumerator<Object[]> {
    private final Iterator<String> ids;
    private Object[] current;

    PointReads(Iterator<String> ids) {
      this.ids = ids;
    }

    @Override
    public Object[] current() {
      return current;
    }

    @Override
    public boolean moveNext() {
      while (ids.hasNext()) {
        String id = ids.next();
        if (!lookup.accepts(id)) {
          continue; // the store finds every id it holds, whatever its form
        }
        Optional<StateRecord> r = store.get(id, deadline);
        if (r.isPresent()) {
          current = row(r.get().stateId(), r.get(), r.get().updatedAt());
          return true;
        }
      }
      current = null;
      return false;
    }

    @Override
    public void reset() {
      throw new UnsupportedOperationException("reset");
    }

    @Override
    public void close() {
      // no listing to close
    }
  }

  private Object[] row(String id, StateRecord record, Instant updatedAt) {
    Object[] out = new Object[projects.length];
    for (int i = 0; i < projects.length; i++) {
      out[i] =
          switch (projects[i]) {
            case STATE_ID -> id;
            case BODY -> record == null ? null : record.bodyText();
            case UPDATED_AT -> WallClock.millis(updatedAt, store.options().zone());
            default -> throw new IllegalArgumentException("no column " + projects[i]);
          };
    }
    return out;
  }
}
