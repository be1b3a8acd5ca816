package io.statestore.jdbc;

import io.statestore.core.StateStore;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.calcite.avatica.AvaticaStatement;
import org.apache.calcite.avatica.Meta;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection of the driver over the engine's connection and the stores it opened. Statements and
 * result sets it hands out are the driver's own; closing or aborting it closes its stores. Result
 * sets are forward-only and read-only: asking for another kind gives these, with a warning on the
 * connection. A read-only connection refuses every statement that writes with 25006.
 */
public final class StatestoreConnection extends ConnectionBase {
  private static final Logger LOG = LoggerFactory.getLogger(StatestoreConnection.class);

  /** An empty result set for {@link Statement#getGeneratedKeys()}: statestore generates no keys. */
  private static final String NO_KEYS =
      "SELECT CAST(NULL AS VARCHAR) AS state_id FROM (VALUES (1)) AS t(x) WHERE 1 = 0";

  private final Connection engine;
  private final List<StateStore> stores;
  private final String displayUrl;
  private final List<String> schemas;
  private final Set<StatementSettings> statements = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile boolean aborted;
  private volatile boolean readOnly;
  private SQLWarning warnings;

  StatestoreConnection(
      Connection engine, List<StateStore> stores, String displayUrl, List<String> schemas) {
    this.engine = engine;
    this.stores = List.copyOf(stores);
    this.displayUrl = displayUrl;
    this.schemas = List.copyOf(schemas);
  }

  @Override
  Connection engine() {
    return engine;
  }

  @Override
  void checkOpen() throws SQLException {
    if (closed.get()) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.CONNECTION_CLOSED,
          aborted ? "The connection was aborted" : "The connection is closed",
          null);
    }
  }

  boolean isAborted() {
    return aborted;
  }

  void forget(StatementSettings statement) {
    statements.remove(statement);
  }

  private <T extends StatementSettings> T track(T statement) {
    statements.add(statement);
    return statement;
  }

  /** Checks a requested result-set kind; warns when it is not forward-only and read-only. */
  private void resultSetKind(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    if (type != ResultSet.TYPE_FORWARD_ONLY
        && type != ResultSet.TYPE_SCROLL_INSENSITIVE
        && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
      throw invalid(type + " is not a result set type (ResultSet.TYPE_...)");
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
      throw invalid(concurrency + " is not a result set concurrency (ResultSet.CONCUR_...)");
    }
    checkHoldability(holdability);
    if (type != ResultSet.TYPE_FORWARD_ONLY || concurrency != ResultSet.CONCUR_READ_ONLY) {
      addWarning(
          new SQLWarning(
              "statestore result sets are TYPE_FORWARD_ONLY and CONCUR_READ_ONLY: asked for "
                  + (type == ResultSet.TYPE_FORWARD_ONLY ? "TYPE_FORWARD_ONLY" : "a scrollable")
                  + (concurrency == ResultSet.CONCUR_READ_ONLY ? "" : ", CONCUR_UPDATABLE")
                  + " result set, given TYPE_FORWARD_ONLY, CONCUR_READ_ONLY; change states with"
                  + " UPDATE, INSERT, MERGE or DELETE statements",
              "01000"));
    }
  }

  /** Adds warnings given while the stores were opened (SQLState 01000), until cleared. */
  void addWarnings(List<String> messages) {
    for (String message : messages) {
      addWarning(new SQLWarning(SqlErrors.safe(message), "01000"));
    }
  }

  private synchronized void addWarning(SQLWarning w) {
    if (warnings == null) {
      warnings = w;
    } else {
      warnings.setNextWarning(w);
    }
  }

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(
        ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, getHoldability());
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, getHoldability());
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    resultSetKind(type, concurrency, holdability);
    Statement s = SqlErrors.call(engine::createStatement, StatestoreErrorCode.INTERNAL_ERROR);
    return track(new StatestoreStatement(this, s, holdability));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return prepareStatement(
        sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY, getHoldability());
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency)
      throws SQLException {
    return prepareStatement(sql, type, concurrency, getHoldability());
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    resultSetKind(type, concurrency, holdability);
    if (sql == null) {
      throw invalid("The SQL text is null");
    }
    PreparedStatement p =
        SqlErrors.call(() -> engine.prepareStatement(sql), StatestoreErrorCode.INTERNAL_ERROR);
    return track(new StatestorePreparedStatement(this, p, holdability));
  }

  /** Accepted: statestore generates no keys, so {@code getGeneratedKeys()} is empty. */
  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    checkOpen();
    if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS
        && autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
      throw invalid(autoGeneratedKeys + " is neither RETURN_GENERATED_KEYS nor NO_GENERATED_KEYS");
    }
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return prepareStatement(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    throw SqlErrors.unsupported(
        "Connection.prepareCall", "statestore has no stored procedures; use prepareStatement");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    return prepareCall(sql);
  }

  /** The empty result set of generated keys, belonging to {@code owner}. */
  ResultSet noGeneratedKeys(StatestoreStatement owner) throws SQLException {
    checkOpen();
    Statement s = SqlErrors.call(engine::createStatement, StatestoreErrorCode.INTERNAL_ERROR);
    try {
      ResultSet rs =
          SqlErrors.call(() -> s.executeQuery(NO_KEYS), StatestoreErrorCode.INTERNAL_ERROR);
      return new StatestoreResultSet(rs, owner, owner.warnings, s);
    } catch (SQLException e) {
      s.close();
      throw e;
    }
  }

  /** The one place the database metadata is handed out. */
  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    DatabaseMetaData md = SqlErrors.call(engine::getMetaData, StatestoreErrorCode.INTERNAL_ERROR);
    return new StatestoreDatabaseMetaData(md, this, displayUrl, schemas);
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    this.readOnly = readOnly;
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    return readOnly;
  }

  /** 25006 when the connection is read-only and the SQL writes (the engine's statement kind). */
  void refuseWriteIfReadOnly(String sql) throws SQLException {
    if (!readOnly) {
      return;
    }
    try (PreparedStatement p = engine.prepareStatement(sql)) {
      refuseWriteIfReadOnly(p);
    } catch (SQLException | RuntimeException | AssertionError e) {
      if (e instanceof SQLException sql25006
          && StatestoreErrorCode.READ_ONLY.sqlState().equals(sql25006.getSQLState())) {
        throw sql25006;
      }
      // Not preparable: the statement itself fails with the engine's reason.
    }
  }

  /** 25006 when the connection is read-only and the prepared statement writes. */
  void refuseWriteIfReadOnly(PreparedStatement prepared) throws SQLException {
    if (!readOnly) {
      return;
    }
    Meta.StatementType kind =
        SqlErrors.call(
            () -> prepared.unwrap(AvaticaStatement.class).getStatementType(),
            StatestoreErrorCode.INTERNAL_ERROR);
    if (kind != Meta.StatementType.SELECT) {
      throw new StatestoreSQLException(
          StatestoreErrorCode.READ_ONLY,
          "The connection is read-only (setReadOnly(true)): this statement writes and was not"
              + " run; nothing was written",
          null);
    }
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    SQLWarning engineWarnings =
        SqlErrors.call(engine::getWarnings, StatestoreErrorCode.INTERNAL_ERROR);
    synchronized (this) {
      if (engineWarnings == null) {
        return warnings;
      }
      if (warnings != null) {
        engineWarnings.setNextWarning(warnings);
      }
      return engineWarnings;
    }
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    synchronized (this) {
      warnings = null;
    }
    SqlErrors.call(
        () -> {
          engine.clearWarnings();
          return null;
        },
        StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    if (timeout < 0) {
      throw invalid("isValid: the timeout must be 0 or more seconds, not " + timeout);
    }
    return !closed.get() && !SqlErrors.call(engine::isClosed, StatestoreErrorCode.INTERNAL_ERROR);
  }

  @Override
  public void close() throws SQLException {
    if (closed.compareAndSet(false, true)) {
      release();
    }
  }

  /**
   * Ends the connection at once: statements running (a write waiting for a lock, say) are cancelled
   * and fail with 08003, and the engine and the stores are closed on {@code executor}.
   */
  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw invalid("abort needs an executor to close the connection on");
    }
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    aborted = true;
    for (StatementSettings s : new ArrayList<>(statements)) {
      try {
        s.cancel();
      } catch (SQLException | RuntimeException e) {
        LOG.debug("Cancelling a statement of an aborted connection failed", e);
      }
    }
    try {
      executor.execute(this::releaseQuietly);
    } catch (RejectedExecutionException e) {
      releaseQuietly();
    }
  }

  private void releaseQuietly() {
    try {
      release();
    } catch (SQLException | RuntimeException e) {
      LOG.warn("Closing an aborted connection failed: {}", SqlErrors.safe(e.getMessage()));
    }
  }

  private void release() throws SQLException {
    try {
      for (StatementSettings s : new ArrayList<>(statements)) {
        s.closeStatement();
      }
      SqlErrors.call(
          () -> {
            engine.close();
            return null;
          },
          StatestoreErrorCode.INTERNAL_ERROR);
    } finally {
      for (StateStore s : stores) {
        try {
          s.close();
        } catch (RuntimeException e) {
          LOG.warn("Closing {} failed", s.describe(), e);
        }
      }
    }
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(this, engine, iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(this, engine, iface);
  }

  @Override
  public String toString() {
    return "StatestoreConnection[" + displayUrl + "]";
  }
}
