package io.statestore.migrate;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Copies states from one {@code jdbc:statestore:} connection to another with plain JDBC.
 *
 * <p>The source's state ids are streamed ({@code SELECT state_id FROM state WHERE state_id LIKE ?},
 * pushed down to a listing of the pattern's literal prefix) and handled in batches: the batch's
 * bodies are read from the source and the same ids from the target ({@code WHERE state_id = ? OR
 * ...}, point reads), each state is decided, and the writes are sent as JDBC batches: {@code
 * INSERT} for a missing state, {@code UPDATE ... WHERE state_id = ? AND body = ?} for a replaced
 * one. Only one batch is in memory at a time.
 *
 * <ul>
 *   <li>A state the target holds with the same body is skipped, so running a copy again resumes it.
 *   <li>A state the target holds with another body is skipped and reported ({@link
 *       CopyMode#SKIP_EXISTING}) or replaced ({@link CopyMode#OVERWRITE}); a replacement is refused
 *       when the target's {@code updated_at} is newer than the source's, unless forced.
 *   <li>Every write is conditional on what was compared: an insert fails if the state appeared
 *       meanwhile ({@code 23505}) and a replacement if the target body changed ({@code 40001}).
 *   <li>Each state is written atomically by the store, so a failed state is never half-written; it
 *       is reported with its SQLState and the copy goes on.
 * </ul>
 *
 * <p>Both connections must be statestore connections ({@code state} table with {@code state_id},
 * {@code body} and {@code updated_at}). Bodies are copied as text; stores keep the document's
 * canonical bytes, so the target returns exactly the bytes the source returns.
 */
public final class StateCopier {
  private static final Logger LOG = LoggerFactory.getLogger(StateCopier.class);

  private final Connection source;
  private final Connection target;

  /**
   * A copier between two open connections; it does not close them.
   *
   * @param source the connection to read states from
   * @param target the connection to write them to
   */
  public StateCopier(Connection source, Connection target) {
    this.source = source;
    this.target = target;
  }

  /**
   * Copies the states matching the options' pattern.
   *
   * @throws SQLException when the source's listing itself fails (states decided so far stay
   *     written); failures of single states are in the result instead
   */
  public CopyResult copy(CopyOptions options, CopyListener listener) throws SQLException {
    StatePattern pattern = StatePattern.of(options.pattern());
    Tally tally = new Tally(options, listener);
    int n = options.batchSize();
    try (PreparedStatement ids =
            source.prepareStatement(
                "SELECT state_id FROM state WHERE state_id LIKE ? ESCAPE '"
                    + StatePattern.ESCAPE
                    + "'");
        PreparedStatement readSource = source.prepareStatement(pointQuery(n));
        PreparedStatement readTarget = target.prepareStatement(pointQuery(n));
        PreparedStatement insert =
            target.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)");
        PreparedStatement update =
            target.prepareStatement("UPDATE state SET body = ? WHERE state_id = ? AND body = ?")) {
      ids.setString(1, pattern.like());
      ids.setFetchSize(n);
      Batch batch = new Batch(readSource, readTarget, insert, update, tally, n);
      try (ResultSet rs = ids.executeQuery()) {
        while (rs.next()) {
          String id = rs.getString(1);
          if (!pattern.exactInSql() && !pattern.matches(id)) {
            continue;
          }
          batch.add(id);
          if (batch.full()) {
            batch.run();
          }
        }
      }
      batch.run();
    }
    CopyResult result = tally.result();
    LOG.info("{}", result.summary());
    return result;
  }

  /**
   * A point read of up to {@code n} ids. Written as ORs of equalities rather than an IN list:
   * Calcite turns a long IN list of parameters into a join, which would read the whole store.
   */
  private static String pointQuery(int n) {
    StringBuilder sb = new StringBuilder("SELECT state_id, body, updated_at FROM state WHERE ");
    for (int i = 0; i < n; i++) {
      sb.append(i == 0 ? "state_id = ?" : " OR state_id = ?");
    }
    return sb.toString();
  }

  /** One state as read from either side. */
  private record Row(String stateId, String body, Timestamp updatedAt) {}

  /** A write to send, with the target body it is conditional on (null for an insert). */
  private record Write(Row row, String expectedBody) {}

  /** The ids of one batch and the statements that handle them. */
  private static final class Batch {
    private final PreparedStatement readSource;
    private final PreparedStatement readTarget;
    private final PreparedStatement insert;
    private final PreparedStatement update;
    private final Tally tally;
    private final int size;
    private final List<String> ids = new ArrayList<>();

    Batch(
        PreparedStatement readSource,
        PreparedStatement readTarget,
        PreparedStatement insert,
        PreparedStatement update,
        Tally tally,
        int size) {
      this.readSource = readSource;
      this.readTarget = readTarget;
      this.insert = insert;
      this.update = update;
      this.tally = tally;
      this.size = size;
    }

    void add(String id) {
      ids.add(id);
    }

    boolean full() {
      return ids.size() >= size;
    }

    void run() {
      if (ids.isEmpty()) {
        return;
      }
      Map<String, Row> src = read(readSource, "source");
      Map<String, Row> dst = read(readTarget, "target");
      List<Write> inserts = new ArrayList<>();
      List<Write> updates = new ArrayList<>();
      for (String id : ids) {
        Row row = src.get(id);
        if (row == null || tally.failedIds.contains(id)) {
          continue; // deleted from the source since it was listed, or already failed
        }
        Row existing = dst.get(id);
        if (existing == null) {
          inserts.add(new Write(row, null));
        } else if (existing.body().equals(row.body())) {
          tally.skip(id, SkipReason.UNCHANGED);
        } else if (tally.options.mode() == CopyMode.SKIP_EXISTING) {
          tally.skip(id, SkipReason.EXISTS);
        } else if (!tally.options.force() && newer(existing.updatedAt(), row.updatedAt())) {
          tally.skip(id, SkipReason.TARGET_NEWER);
        } else {
          updates.add(new Write(row, existing.body()));
        }
      }
      if (tally.options.dryRun()) {
        inserts.forEach(w -> tally.copied(w.row().stateId(), false));
        updates.forEach(w -> tally.copied(w.row().stateId(), true));
      } else {
        write(insert, inserts);
        write(update, updates);
      }
      tally.processed += ids.size();
      tally.failedIds.clear();
      ids.clear();
      tally.listener.progress(tally.processed);
    }

    /**
     * Reads the batch's ids; if the batch read fails, reads them one by one to find the culprit.
     */
    private Map<String, Row> read(PreparedStatement stmt, String side) {
      try {
        return query(stmt, ids);
      } catch (SQLException e) {
        LOG.debug("Batch read from the {} failed; reading state by state", side, e);
      }
      Map<String, Row> rows = new LinkedHashMap<>();
      for (String id : ids) {
        try {
          rows.putAll(query(stmt, Collections.singletonList(id)));
        } catch (SQLException e) {
          tally.fail(id, e, "reading it from the " + side);
        }
      }
      return rows;
    }

    private Map<String, Row> query(PreparedStatement stmt, List<String> batchIds)
        throws SQLException {
      for (int i = 0; i < size; i++) {
        stmt.setString(i + 1, batchIds.get(Math.min(i, batchIds.size() - 1)));
      }
      Map<String, Row> rows = new LinkedHashMap<>();
      try (ResultSet rs = stmt.executeQuery()) {
        while (rs.next()) {
          Row r = new Row(rs.getString(1), rs.getString(2), rs.getTimestamp(3));
          rows.put(r.stateId(), r);
        }
      }
      return rows;
    }

    /** Sends writes as JDBC batches; a failed entry is reported and the rest are sent again. */
    private void write(PreparedStatement stmt, List<Write> writes) {
      int start = 0;
      while (start < writes.size()) {
        try {
          for (int i = start; i < writes.size(); i++) {
            bind(stmt, writes.get(i));
            stmt.addBatch();
          }
          int[] counts = stmt.executeBatch();
          settle(writes, start, counts);
          return;
        } catch (BatchUpdateException e) {
          int[] done = e.getUpdateCounts() == null ? new int[0] : e.getUpdateCounts();
          settle(writes, start, done);
          int failed = start + done.length;
          if (failed < writes.size()) {
            SQLException cause = e.getCause() instanceof SQLException s ? s : e;
            tally.fail(writes.get(failed).row().stateId(), cause, "writing it to the target");
          }
          start = failed + 1;
        } catch (SQLException e) {
          // The batch as a whole could not be sent: report every state of it.
          for (int i = start; i < writes.size(); i++) {
            tally.fail(writes.get(i).row().stateId(), e, "writing it to the target");
          }
          return;
        } finally {
          clear(stmt);
        }
      }
    }

    private static void bind(PreparedStatement stmt, Write w) throws SQLException {
      if (w.expectedBody() == null) {
        stmt.setString(1, w.row().stateId());
        stmt.setString(2, w.row().body());
      } else {
        stmt.setString(1, w.row().body());
        stmt.setString(2, w.row().stateId());
        stmt.setString(3, w.expectedBody());
      }
    }

    private void settle(List<Write> writes, int start, int[] counts) {
      for (int i = 0; i < counts.length; i++) {
        Write w = writes.get(start + i);
        String id = w.row().stateId();
        if (counts[i] == 0) {
          tally.fail(
              id,
              "40001",
              "The target state_id '"
                  + id
                  + "' changed since it was compared; nothing was written, run the copy again");
        } else {
          tally.copied(id, w.expectedBody() != null);
        }
      }
    }

    private static void clear(PreparedStatement stmt) {
      try {
        stmt.clearBatch();
      } catch (SQLException e) {
        LOG.debug("Could not clear a batch", e);
      }
    }

    private static boolean newer(Timestamp targetTime, Timestamp sourceTime) {
      return targetTime != null && sourceTime != null && targetTime.after(sourceTime);
    }
  }

  /** Counts and failures, and the listener to tell. */
  private static final class Tally {
    final CopyOptions options;
    final CopyListener listener;
    final List<CopyFailure> failures = new ArrayList<>();
    final java.util.Set<String> failedIds = new java.util.HashSet<>();
    long processed;
    long copied;
    long replaced;
    long unchanged;
    long existing;
    long targetNewer;
    long failed;

    Tally(CopyOptions options, CopyListener listener) {
      this.options = options;
      this.listener = listener == null ? CopyListener.NONE : listener;
    }

    void copied(String id, boolean replacedOne) {
      copied++;
      if (replacedOne) {
        replaced++;
      }
      listener.copied(id, replacedOne);
    }

    void skip(String id, SkipReason reason) {
      switch (reason) {
        case UNCHANGED -> unchanged++;
        case EXISTS -> existing++;
        case TARGET_NEWER -> targetNewer++;
      }
      listener.skipped(id, reason);
    }

    void fail(String id, SQLException e, String doing) {
      String state = e.getSQLState() == null ? "HY000" : e.getSQLState();
      String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      LOG.debug("Copy of state_id '{}' failed while {}", id, doing, e);
      fail(id, state, message);
    }

    void fail(String id, String sqlState, String message) {
      failedIds.add(id);
      CopyFailure f = new CopyFailure(id, sqlState, message);
      failed++;
      if (failures.size() < CopyResult.MAX_KEPT_FAILURES) {
        failures.add(f);
      }
      listener.failed(f);
    }

    CopyResult result() {
      return new CopyResult(
          options.dryRun(), copied, replaced, unchanged, existing, targetNewer, failed, failures);
    }
  }
}
