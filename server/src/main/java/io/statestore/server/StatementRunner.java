package io.statestore.server;

import java.sql.Connection;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one client's statements: session statements here, catalog reads on the catalog database,
 * everything else on the client's own engine connection (its SQLStates pass through unchanged).
 */
final class StatementRunner implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(StatementRunner.class);
  private final Connection engine;
  private final CatalogDatabase catalog;
  private final SessionCommands session;
  private final String versionText;
  private final boolean bodyAsJson;
  private Connection catalogConnection;
  private volatile Statement running;

  /** A cancel request came while the client's messages were being answered. */
  private volatile boolean cancelled;

  private volatile boolean busy;

  StatementRunner(
      Connection engine,
      CatalogDatabase catalog,
      SessionCommands session,
      String versionText,
      boolean bodyAsJson) {
    this.engine = engine;
    this.catalog = catalog;
    this.session = session;
    this.versionText = versionText;
    this.bodyAsJson = bodyAsJson;
  }

  /** Classifies one statement and turns its {@code $n} placeholders into JDBC's. */
  PreparedQuery parse(String sql, int[] declaredOids) throws PgException {
    List<String> parts = SqlText.split(sql);
    if (parts.size() > 1) {
      throw new PgException("42601", "cannot insert multiple commands into a prepared statement");
    }
    List<Integer> order = new ArrayList<>();
    if (parts.isEmpty()) {
      return new PreparedQuery(sql, "", PreparedQuery.Route.EMPTY, "", order, declaredOids);
    }
    String one = parts.get(0);
    String keyword = SqlText.firstKeyword(one);
    PreparedQuery.Route route;
    String jdbc;
    if (SessionCommands.handles(keyword, one)) {
      route = PreparedQuery.Route.SESSION;
      jdbc = one;
    } else if (isRead(keyword) && SqlText.isCatalog(one)) {
      route = PreparedQuery.Route.CATALOG;
      jdbc = SqlText.toJdbc(CatalogSql.rewrite(session.currentSettings(one), versionText), order);
    } else {
      route = PreparedQuery.Route.ENGINE;
      jdbc = SqlText.toJdbc(one, order);
    }
    LOG.debug("{}: {}", route, one);
    return new PreparedQuery(one, keyword, route, jdbc, order, declaredOids);
  }

  private static boolean isRead(String keyword) {
    return keyword.equals("SELECT") || keyword.equals("WITH") || keyword.equals("VALUES");
  }

  /** The columns the statement will return, or null when it returns no rows. */
  List<PgColumn> describeRows(PreparedQuery q) throws PgException {
    if (q.route == PreparedQuery.Route.SESSION) {
      return q.keyword.equals("SHOW")
          ? session.run("SHOW", q.sql, new ArrayList<>()).columns
          : null;
    }
    if (q.route == PreparedQuery.Route.EMPTY) {
      return null;
    }
    try {
      ResultSetMetaData md = statementOf(q).getMetaData();
      return md == null || md.getColumnCount() == 0 || !returnsRows(q) ? null : columns(q, md);
    } catch (SQLException e) {
      throw Errors.of(e, q.route == PreparedQuery.Route.CATALOG);
    }
  }

  /** A result's columns; a store's {@code body} as json when the server says so. */
  private List<PgColumn> columns(PreparedQuery q, ResultSetMetaData md) throws SQLException {
    return PgColumn.of(md, bodyAsJson && q.route == PreparedQuery.Route.ENGINE);
  }

  private static boolean returnsRows(PreparedQuery q) {
    switch (q.keyword) {
      case "INSERT":
      case "UPDATE":
      case "DELETE":
      case "MERGE":
        return false;
      default:
        return true;
    }
  }

  /** The type of each parameter: as the client declared it, else as the engine infers it. */
  int[] describeParams(PreparedQuery q) throws PgException {
    int[] oids = new int[q.parameterCount()];
    ParameterMetaData pmd = null;
    for (int i = 0; i < oids.length; i++) {
      oids[i] = q.paramOid(i);
      if (oids[i] == PgTypes.UNSPECIFIED && q.route == PreparedQuery.Route.ENGINE) {
        try {
          if (pmd == null) {
            pmd = statementOf(q).getParameterMetaData();
          }
          int jdbcIndex = q.order.indexOf(i) + 1;
          oids[i] = jdbcIndex > 0 ? PgTypes.oidOf(pmd.getParameterType(jdbcIndex)) : PgTypes.TEXT;
        } catch (SQLException e) {
          oids[i] = PgTypes.TEXT;
        }
      }
      if (oids[i] == PgTypes.UNSPECIFIED) {
        oids[i] = PgTypes.TEXT;
      }
    }
    return oids;
  }

  private PreparedStatement statementOf(PreparedQuery q) throws SQLException {
    if (q.statement == null) {
      Connection c = q.route == PreparedQuery.Route.CATALOG ? catalogConnection() : engine;
      q.statement = c.prepareStatement(q.jdbcSql);
    }
    return q.statement;
  }

  private Connection catalogConnection() throws SQLException {
    if (catalogConnection == null) {
      catalogConnection = catalog.connect();
    }
    return catalogConnection;
  }

  /** Runs a parsed statement with decoded parameter values (by {@code $n} index). */
  QueryResult execute(PreparedQuery q, Object[] params, List<String> notices) throws PgException {
    switch (q.route) {
      case EMPTY:
        return null;
      case SESSION:
        return session.run(q.keyword, q.sql, notices);
      default:
        break;
    }
    boolean catalogRoute = q.route == PreparedQuery.Route.CATALOG;
    PreparedStatement ps = null;
    boolean own = false;
    try {
      if (q.statementInUse) {
        ps = (catalogRoute ? catalogConnection() : engine).prepareStatement(q.jdbcSql);
        own = true;
      } else {
        ps = statementOf(q);
      }
      for (int j = 0; j < q.order.size(); j++) {
        int p = q.order.get(j);
        if (p >= params.length) {
          throw new PgException("08P01", "no value was bound for parameter $" + (p + 1));
        }
        PgParams.bind(ps, j + 1, params[p], q.paramOid(p));
      }
      long timeoutMillis = session.statementTimeoutMillis();
      // JDBC counts whole seconds: a PostgreSQL timeout of 500 ms waits up to a second
      int timeout =
          timeoutMillis <= 0 ? 0 : (int) Math.min(Integer.MAX_VALUE, (timeoutMillis + 999) / 1000);
      if (own || q.timeoutSeconds != timeout) {
        ps.setQueryTimeout(timeout);
        if (!own) {
          q.timeoutSeconds = timeout;
        }
      }
      running = ps;
      if (cancelled) {
        throw new SQLException("canceling statement due to user request", "57014");
      }
      boolean rows = ps.execute();
      warnings(ps, notices);
      if (rows) {
        if (own) {
          ResultSet rs = ps.getResultSet();
          return QueryResult.rows(rs, ps, columns(q, rs.getMetaData()));
        }
        ResultSet rs = ps.getResultSet();
        if (q.columns == null) {
          q.columns = columns(q, rs.getMetaData());
        }
        q.statementInUse = true;
        return QueryResult.rows(rs, null, q.columns).onClose(() -> q.statementInUse = false);
      }
      long count = ps.getLargeUpdateCount();
      if (own) {
        ps.close();
      }
      return QueryResult.command(tag(q.keyword, count));
    } catch (SQLException e) {
      if (own) {
        try {
          ps.close();
        } catch (SQLException ignored) {
          // the statement failed already; its close adds nothing
        }
      }
      if ("HYT00".equals(e.getSQLState()) && session.statementTimeoutMillis() > 0) {
        throw new PgException("57014", "canceling statement due to statement timeout");
      }
      if (cancelled && "57014".equals(e.getSQLState())) {
        throw new PgException("57014", "canceling statement due to user request");
      }
      throw Errors.of(e, catalogRoute);
    } finally {
      running = null;
    }
  }

  private static void warnings(Statement s, List<String> notices) throws SQLException {
    for (java.sql.SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
      notices.add(w.getMessage());
    }
  }

  private static String tag(String keyword, long count) {
    switch (keyword) {
      case "INSERT":
        return "INSERT 0 " + count;
      case "UPDATE":
      case "DELETE":
      case "MERGE":
        return keyword + " " + count;
      default:
        return keyword.isEmpty() ? "OK" : keyword;
    }
  }

  /** Whether a statement runs on the engine or the catalog now. */
  boolean running() {
    return running != null;
  }

  /** The client sent a message: a cancel request from now on stops what it asked for. */
  void busy() {
    busy = true;
  }

  /** The server answered everything and waits for the client: nothing to cancel any more. */
  void idle() {
    busy = false;
    cancelled = false;
  }

  /**
   * Cancels the statement running now, or the next one to run before the client is answered (from
   * another thread).
   */
  void cancel() {
    if (!busy) {
      return; // as in PostgreSQL, a cancel request between statements does nothing
    }
    cancelled = true;
    Statement s = running;
    if (s != null) {
      try {
        s.cancel();
      } catch (SQLException e) {
        // the statement ended meanwhile
      }
    }
  }

  @Override
  public void close() {
    try {
      if (catalogConnection != null) {
        catalogConnection.close();
      }
    } catch (SQLException e) {
      // closing: nothing the client can act on
    }
    try {
      engine.close();
    } catch (SQLException e) {
      // closing: nothing the client can act on
    }
  }
}
