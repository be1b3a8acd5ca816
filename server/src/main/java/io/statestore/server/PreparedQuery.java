package io.statestore.server;

import java.sql.PreparedStatement;
import java.util.List;

/** One parsed statement: where it runs, its JDBC text and parameters, and its JDBC statement. */
final class PreparedQuery {
  /** Where a statement runs. */
  enum Route {
    EMPTY,
    SESSION,
    CATALOG,
    ENGINE
  }

  final String sql;
  final String keyword;
  final Route route;
  final String jdbcSql;
  final List<Integer> order;
  final int[] paramOids;
  PreparedStatement statement;
  boolean statementInUse;

  /** The result columns of {@link #statement}, read from its first result. */
  List<PgColumn> columns;

  /** The query timeout set on {@link #statement}, in seconds; -1 before the first run. */
  int timeoutSeconds = -1;

  PreparedQuery(
      String sql, String keyword, Route route, String jdbcSql, List<Integer> order, int[] oids) {
    this.sql = sql;
    this.keyword = keyword;
    this.route = route;
    this.jdbcSql = jdbcSql;
    this.order = order;
    this.paramOids = oids;
  }

  int parameterCount() {
    return Math.max(paramOids.length, SqlText.parameterCount(order));
  }

  int paramOid(int index) {
    return index < paramOids.length ? paramOids[index] : PgTypes.UNSPECIFIED;
  }

  void closeStatement() {
    if (statement != null) {
      try {
        statement.close();
      } catch (java.sql.SQLException e) {
        // a statement no longer used: nothing the client can act on
      }
      statement = null;
      columns = null;
      timeoutSeconds = -1;
    }
  }
}
