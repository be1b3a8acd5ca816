package io.statestore.calcite;

import io.statestore.core.Deadline;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.DataContext;
import org.apache.calcite.util.CancelFlag;

/**
 * The query timeout of the statement this thread executes, counted from the moment the statement
 * was executed rather than from its first read: planning, code generation, reads and writes all
 * come out of the same time.
 *
 * <p>The driver opens one around each execution ({@link #start(int)}); while it is open, statement
 * preparation gives the planner a cancel flag that is raised when the time is up (the planner
 * checks it between rule applications and gives up), and every scan and write of the statement
 * takes its {@link Deadline} from it. Without one (the engine used directly), the deadline counts
 * from the scan, from the engine's own timeout setting.
 */
public final class StatementDeadline implements AutoCloseable {
  private static final ThreadLocal<StatementDeadline> CURRENT = new ThreadLocal<>();
  private static final ScheduledThreadPoolExecutor ALARMS = alarms();

  private final StatementDeadline outer;
  private final int timeoutSeconds;
  private final long endNanos;
  private final AtomicBoolean planningCancelled = new AtomicBoolean();

  /** Raises the planner's flag when the time is up; set only once the statement is planned. */
  private ScheduledFuture<?> alarm;

  private StatementDeadline(StatementDeadline outer, int timeoutSeconds) {
    this.outer = outer;
    this.timeoutSeconds = timeoutSeconds;
    this.endNanos =
        timeoutSeconds > 0
            ? System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds)
            : Long.MAX_VALUE;
  }

  /**
   * Starts the clock of a statement executed on this thread now; {@code timeoutSeconds} is its
   * query timeout (zero: none). Close it when the execution returns; rows read later keep the
   * deadline their scan took.
   */
  public static StatementDeadline start(int timeoutSeconds) {
    StatementDeadline d = new StatementDeadline(CURRENT.get(), Math.max(0, timeoutSeconds));
    CURRENT.set(d);
    return d;
  }

  /** Whether the statement's query timeout has passed. */
  public boolean expired() {
    return endNanos != Long.MAX_VALUE && endNanos - System.nanoTime() <= 0;
  }

  /** The query timeout in seconds (zero: none). */
  public int timeoutSeconds() {
    return timeoutSeconds;
  }

  @Override
  public void close() {
    if (alarm != null) {
      alarm.cancel(false);
    }
    if (CURRENT.get() == this) {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /**
   * The deadline of a scan or write: the statement's when one is running on this thread, else the
   * engine's timeout counted from now; cancelled by the engine statement's cancel flag.
   */
  static Deadline of(DataContext root) {
    AtomicBoolean cancel = root == null ? null : DataContext.Variable.CANCEL_FLAG.get(root);
    StatementDeadline current = CURRENT.get();
    if (current != null) {
      if (current.endNanos == Long.MAX_VALUE) {
        return Deadline.after(Duration.ZERO, cancel);
      }
      // At least a nanosecond: a zero timeout would mean none.
      long left = Math.max(1, current.endNanos - System.nanoTime());
      return Deadline.after(Duration.ofNanos(left), cancel);
    }
    if (root == null) {
      return Deadline.none(); // a scan the planner runs while planning, outside any statement
    }
    Object timeout = root.get(DataContext.Variable.TIMEOUT.camelName);
    Duration d = timeout instanceof Number n ? Duration.ofMillis(n.longValue()) : Duration.ZERO;
    return Deadline.after(d, cancel);
  }

  /**
   * The flag the planner checks, raised when the statement's time is up; {@code null}: none. The
   * alarm that raises it is set here, so the execution of a statement prepared before sets none.
   */
  static CancelFlag planningFlag() {
    StatementDeadline current = CURRENT.get();
    if (current == null || current.endNanos == Long.MAX_VALUE) {
      return null;
    }
    if (current.alarm == null) {
      long left = current.endNanos - System.nanoTime();
      AtomicBoolean flag = current.planningCancelled;
      if (left <= 0) {
        flag.set(true);
      } else {
        current.alarm = ALARMS.schedule(() -> flag.set(true), left, TimeUnit.NANOSECONDS);
      }
    }
    return new CancelFlag(current.planningCancelled);
  }

  /** Alarms waiting to go off, for tests. */
  static int pendingAlarms() {
    return ALARMS.getQueue().size();
  }

  /**
   * Throws {@link ErrorKind#TIMEOUT} when the statement executing on this thread has run out of
   * time while it was being prepared; {@code cause} is what preparation failed with, if it did.
   */
  static void checkPrepared(RuntimeException cause) {
    StatementDeadline current = CURRENT.get();
    if (current != null && current.expired()) {
      StateStoreException e =
          new StateStoreException(
              ErrorKind.TIMEOUT,
              "The statement's query timeout of "
                  + current.timeoutSeconds
                  + " s passed while the statement was being planned, before it read anything"
                  + " (raise the query timeout, or prepare the statement once and execute it"
                  + " again)");
      if (cause != null) {
        e.addSuppressed(cause);
      }
      throw e;
    }
  }

  private static ScheduledThreadPoolExecutor alarms() {
    ScheduledThreadPoolExecutor pool =
        new ScheduledThreadPoolExecutor(
            1,
            r -> {
              Thread t = new Thread(r, "statestore-query-timeout");
              t.setDaemon(true);
              return t;
            });
    pool.setRemoveOnCancelPolicy(true);
    return pool;
  }
}
