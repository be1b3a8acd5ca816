package io.statestore.backend.systemdb;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A small pool of JDBC connections to one database: at most {@code maxSize} in use at once, idle
 * ones kept for reuse and validated when they have been idle a while, broken ones dropped, all
 * closed by {@link #close()}. An H2 in-memory database is kept alive by one extra connection held
 * for the pool's life, so that it does not vanish when the last working connection is closed.
 */
final class ConnectionPool implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ConnectionPool.class);
  private static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(30);
  private static final int VALIDATION_TIMEOUT_SECONDS = 5;
  private static final long BORROW_TIMEOUT_SECONDS = 30;

  private final String url;
  private final Properties properties;
  private final int maxSize;
  private final Semaphore permits;
  private final Deque<Idle> idle = new ArrayDeque<>();
  private final Connection keepAlive;
  private boolean closed;

  private record Idle(Connection connection, long sinceNanos) {}

  /**
   * Opens the pool and its first connection, so that a wrong URL or password fails here.
   *
   * @param url the JDBC URL
   * @param properties connection properties (user, password, driver settings)
   * @param maxSize the most connections in use at once
   */
  ConnectionPool(String url, Properties properties, int maxSize) throws SQLException {
    this(url, properties, maxSize, true);
  }

  /**
   * Opens the pool; without {@code connectNow} no connection is made until one is leased (for a
   * database that does not exist yet).
   */
  ConnectionPool(String url, Properties properties, int maxSize, boolean connectNow)
      throws SQLException {
    this.url = url;
    this.properties = properties;
    this.maxSize = maxSize;
    this.permits = new Semaphore(maxSize, true);
    if (!connectNow) {
      this.keepAlive = null;
      return;
    }
    Connection first = open();
    if (isH2InMemory(url)) {
      this.keepAlive = first;
    } else {
      this.keepAlive = null;
      idle.push(new Idle(first, System.nanoTime()));
    }
  }

  /**
   * Opens a connection. It is not retried here: opening the store retries an embedded H2 database
   * that other processes are opening at the same moment ({@link SystemDbBackend#open}), and work
   * that finds a connection lost or not made reconnects ({@link Transactions}).
   */
  private Connection open() throws SQLException {
    return JdbcDrivers.connect(url, properties);
  }

  private static boolean isH2InMemory(String url) {
    String u = url.toLowerCase(Locale.ROOT);
    return u.startsWith("jdbc:h2:mem:") && !u.contains(";db_close_delay=");
  }

  /** Borrows a connection, in auto-commit mode; close the lease to give it back. */
  Lease lease() throws SQLException {
    try {
      if (!permits.tryAcquire(BORROW_TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        throw new SQLTransientConnectionException(
            "all " + maxSize + " connections stayed in use for " + BORROW_TIMEOUT_SECONDS + " s");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLTransientConnectionException("interrupted while waiting for a connection", e);
    }
    try {
      return new Lease(take());
    } catch (SQLException | RuntimeException e) {
      permits.release();
      throw e;
    }
  }

  private Connection take() throws SQLException {
    while (true) {
      Idle next;
      synchronized (this) {
        if (closed) {
          throw new SQLException("the store is closed", "08003");
        }
        next = idle.poll();
      }
      if (next == null) {
        return open();
      }
      if (System.nanoTime() - next.sinceNanos() < VALIDATE_AFTER_NANOS
          || isValid(next.connection())) {
        return next.connection();
      }
      closeQuietly(next.connection());
    }
  }

  private static boolean isValid(Connection c) {
    try {
      return c.isValid(VALIDATION_TIMEOUT_SECONDS);
    } catch (SQLException e) {
      return false;
    }
  }

  private void giveBack(Connection c, boolean broken) {
    try {
      if (!broken && !c.isClosed()) {
        if (!c.getAutoCommit()) {
          c.rollback();
          c.setAutoCommit(true);
        }
        synchronized (this) {
          if (!closed && idle.size() < maxSize) {
            idle.push(new Idle(c, System.nanoTime()));
            return;
          }
        }
      }
      closeQuietly(c);
    } catch (SQLException e) {
      closeQuietly(c);
    } finally {
      permits.release();
    }
  }

  private static void closeQuietly(Connection c) {
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("Closing a database connection failed", e);
    }
  }

  /** Closes the idle connections, e.g. when one was found broken and the others likely are. */
  void evictIdle() {
    List<Idle> toClose;
    synchronized (this) {
      toClose = new ArrayList<>(idle);
      idle.clear();
    }
    for (Idle i : toClose) {
      closeQuietly(i.connection());
    }
  }

  /** Closes the idle connections now and the others as they are given back. */
  @Override
  public void close() {
    List<Idle> toClose;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      toClose = new ArrayList<>(idle);
      idle.clear();
    }
    for (Idle i : toClose) {
      closeQuietly(i.connection());
    }
    if (keepAlive != null) {
      closeQuietly(keepAlive);
    }
  }

  /** One borrowed connection. */
  final class Lease implements AutoCloseable {
    private final Connection connection;
    private boolean broken;
    private boolean returned;

    private Lease(Connection connection) {
      this.connection = connection;
    }

    /** The connection; do not close it. */
    Connection connection() {
      return connection;
    }

    /** Marks the connection unusable: it is closed instead of reused. */
    void discard() {
      broken = true;
    }

    @Override
    public void close() {
      if (!returned) {
        returned = true;
        giveBack(connection, broken);
      }
    }
  }
}
