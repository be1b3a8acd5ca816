package io.statestore.server;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes the server's answers: rows, completions, errors and notices. */
final class PgResponses {
  private final PgWriter out;

  PgResponses(PgWriter out) {
    this.out = out;
  }

  PgWriter writer() {
    return out;
  }

  /** RowDescription; {@code binary} says which columns are sent in binary (null: none). */
  void rowDescription(List<PgColumn> columns, boolean[] binary) throws IOException {
    out.begin('T').int16(columns.size());
    for (int i = 0; i < columns.size(); i++) {
      PgColumn c = columns.get(i);
      out.cstring(c.name)
          .int32(0)
          .int16(0)
          .int32(c.oid)
          .int16(PgTypes.sizeOf(c.oid))
          .int32(c.typmod)
          .int16(binary != null && binary[i] ? 1 : 0);
    }
    out.end();
  }

  void dataRow(Object[] row, List<PgColumn> columns, boolean[] binary) throws IOException {
    out.begin('D').int16(row.length);
    for (int i = 0; i < row.length; i++) {
      Object v = row[i];
      if (v == null) {
        out.int32(-1);
        continue;
      }
      byte[] b =
          binary != null && binary[i]
              ? PgTypes.binary(v, columns.get(i).oid)
              : PgTypes.text(v).getBytes(StandardCharsets.UTF_8);
      out.int32(b.length).bytes(b);
    }
    out.end();
  }

  void commandComplete(String tag) throws IOException {
    out.begin('C').cstring(tag).end();
  }

  void emptyQuery() throws IOException {
    out.begin('I').end();
  }

  void noData() throws IOException {
    out.begin('n').end();
  }

  void readyForQuery(char status) throws IOException {
    out.begin('Z').int8(status).end();
    out.flush();
  }

  void error(String severity, String sqlState, String message) throws IOException {
    out.begin('E')
        .int8('S')
        .cstring(severity)
        .int8('V')
        .cstring(severity)
        .int8('C')
        .cstring(sqlState)
        .int8('M')
        .cstring(message)
        .int8(0)
        .end();
  }

  void notice(String message) throws IOException {
    out.begin('N')
        .int8('S')
        .cstring("NOTICE")
        .int8('V')
        .cstring("NOTICE")
        .int8('C')
        .cstring("00000")
        .int8('M')
        .cstring(message)
        .int8(0)
        .end();
  }

  void notices(List<String> messages) throws IOException {
    for (String m : messages) {
      notice(m);
    }
    messages.clear();
  }

  void parameterStatus(String name, String value) throws IOException {
    out.begin('S').cstring(name).cstring(value).end();
  }

  /** Sends rows of a result until {@code maxRows} (0: all); true when all were sent. */
  boolean rows(QueryResult r, long maxRows, boolean[] binary) throws IOException, PgException {
    long sent = 0;
    try {
      Object[] row;
      while ((maxRows == 0 || sent < maxRows) && (row = r.next()) != null) {
        dataRow(row, r.columns, binary);
        sent++;
      }
      if (maxRows > 0 && sent == maxRows) {
        return false;
      }
      return true;
    } catch (java.sql.SQLException e) {
      throw Errors.of(e, false);
    }
  }
}
