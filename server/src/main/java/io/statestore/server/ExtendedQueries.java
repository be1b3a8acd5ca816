package io.statestore.server;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The extended query protocol of one session: Parse, Bind, Describe, Execute and Close over named
 * and unnamed statements and portals.
 */
final class ExtendedQueries {
  private final StatementRunner runner;
  private final PgResponses out;
  private final List<String> notices;
  private final java.util.function.Consumer<String> executed;
  private final Map<String, PreparedQuery> statements = new HashMap<>();
  private final Map<String, Portal> portals = new HashMap<>();

  ExtendedQueries(
      StatementRunner runner,
      PgResponses out,
      List<String> notices,
      java.util.function.Consumer<String> executed) {
    this.runner = runner;
    this.out = out;
    this.notices = notices;
    this.executed = executed;
  }

  void parse(PgMessage m) throws IOException, PgException {
    String name = m.cstring();
    String sql = m.cstring();
    int n = m.int16();
    int[] oids = new int[n];
    for (int i = 0; i < n; i++) {
      oids[i] = m.int32();
    }
    if (!name.isEmpty() && statements.containsKey(name)) {
      throw new PgException("42P05", "prepared statement \"" + name + "\" already exists");
    }
    PreparedQuery q = runner.parse(sql, oids);
    PreparedQuery old = statements.put(name, q);
    if (old != null) {
      old.closeStatement();
    }
    out.writer().begin('1').end();
  }

  void bind(PgMessage m) throws IOException, PgException {
    String portalName = m.cstring();
    String statementName = m.cstring();
    PreparedQuery q = statement(statementName);
    short[] formats = shorts(m);
    int n = m.int16();
    Object[] values = new Object[n];
    for (int i = 0; i < n; i++) {
      int len = m.int32();
      byte[] raw = len < 0 ? null : m.bytes(len);
      short f = formats.length == 0 ? 0 : formats.length == 1 ? formats[0] : formats[i];
      values[i] = PgParams.decode(raw, f == 1, q.paramOid(i));
    }
    short[] resultFormats = shorts(m);
    Portal old = portals.put(portalName, new Portal(q, values, resultFormats));
    if (old != null) {
      old.close();
    }
    out.writer().begin('2').end();
  }

  private static short[] shorts(PgMessage m) {
    short[] s = new short[m.int16()];
    for (int i = 0; i < s.length; i++) {
      s[i] = m.int16();
    }
    return s;
  }

  private PreparedQuery statement(String name) throws PgException {
    PreparedQuery q = statements.get(name);
    if (q == null) {
      throw new PgException("26000", "prepared statement \"" + name + "\" does not exist");
    }
    return q;
  }

  private Portal portal(String name) throws PgException {
    Portal p = portals.get(name);
    if (p == null) {
      throw new PgException("34000", "portal \"" + name + "\" does not exist");
    }
    return p;
  }

  void describe(PgMessage m) throws IOException, PgException {
    char kind = (char) m.int8();
    String name = m.cstring();
    if (kind == 'S') {
      PreparedQuery q = statement(name);
      int[] oids = runner.describeParams(q);
      out.writer().begin('t').int16(oids.length);
      for (int oid : oids) {
        out.writer().int32(oid);
      }
      out.writer().end();
      List<PgColumn> cols = runner.describeRows(q);
      if (cols == null) {
        out.noData();
      } else {
        out.rowDescription(cols, null);
      }
      return;
    }
    Portal p = portal(name);
    start(p);
    if (p.result != null && p.result.hasRows()) {
      out.rowDescription(p.result.columns, p.binaryColumns(p.result.columns));
    } else {
      out.noData();
    }
  }

  private void start(Portal p) throws PgException, IOException {
    if (p.result == null && p.query.route != PreparedQuery.Route.EMPTY) {
      p.result = runner.execute(p.query, p.params, notices);
      out.notices(notices);
      executed.accept(p.query.keyword);
    }
  }

  void execute(PgMessage m) throws IOException, PgException {
    Portal p = portal(m.cstring());
    int maxRows = m.int32();
    if (p.query.route == PreparedQuery.Route.EMPTY) {
      out.emptyQuery();
      return;
    }
    start(p);
    QueryResult r = p.result;
    if (r.hasRows()) {
      if (!out.rows(r, maxRows, p.binaryColumns(r.columns))) {
        out.writer().begin('s').end();
        return;
      }
    }
    out.commandComplete(r.tag());
    r.close();
    p.result = QueryResult.command(r.tag());
  }

  void close(PgMessage m) throws IOException {
    char kind = (char) m.int8();
    String name = m.cstring();
    if (kind == 'S') {
      PreparedQuery q = statements.remove(name);
      if (q != null) {
        q.closeStatement();
      }
    } else {
      Portal p = portals.remove(name);
      if (p != null) {
        p.close();
      }
    }
    out.writer().begin('3').end();
  }

  /** At Sync outside a transaction block: portals end, as PostgreSQL's implicit transaction. */
  void closePortals() {
    for (Portal p : new ArrayList<>(portals.values())) {
      p.close();
    }
    portals.clear();
  }

  void closeAll() {
    closePortals();
    for (PreparedQuery q : statements.values()) {
      q.closeStatement();
    }
    statements.clear();
  }
}
