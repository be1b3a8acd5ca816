package io.statestore.server;

import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** One column of a RowDescription: its label, type OID, size and type modifier. */
final class PgColumn {
  final String name;
  final int oid;
  final int typmod;

  PgColumn(String name, int oid, int typmod) {
    this.name = name;
    this.oid = oid;
    this.typmod = typmod;
  }

  static PgColumn text(String name) {
    return new PgColumn(name, PgTypes.TEXT, -1);
  }

  /** The columns of a JDBC result, as PostgreSQL types. */
  static List<PgColumn> of(ResultSetMetaData md) throws SQLException {
    return of(md, false);
  }

  /**
   * The columns of a JDBC result, as PostgreSQL types; with {@code bodyAsJson}, the {@code body} of
   * a {@code state} table is {@code json}.
   */
  static List<PgColumn> of(ResultSetMetaData md, boolean bodyAsJson) throws SQLException {
    List<PgColumn> cols = new ArrayList<>();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      int oid = PgTypes.oidOf(md.getColumnType(i));
      int typmod = -1;
      if (oid == PgTypes.VARCHAR) {
        int p = md.getPrecision(i);
        // VARCHAR(n) has typmod n + 4; unbounded (or very long) text has none
        typmod = p > 0 && p < 10_485_760 ? p + 4 : -1;
      }
      if (bodyAsJson
          && oid == PgTypes.VARCHAR
          && "body".equalsIgnoreCase(md.getColumnName(i))
          && "state".equalsIgnoreCase(md.getTableName(i))) {
        oid = PgTypes.JSON;
        typmod = -1;
      }
      cols.add(new PgColumn(md.getColumnLabel(i), oid, typmod));
    }
    return cols;
  }
}
