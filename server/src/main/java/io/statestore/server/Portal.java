package io.statestore.server;

import java.util.List;

/** A bound statement: its values, result formats, and its result once started. */
final class Portal {
  final PreparedQuery query;
  final Object[] params;
  final short[] resultFormats;
  QueryResult result;
  boolean[] binary;

  Portal(PreparedQuery query, Object[] params, short[] resultFormats) {
    this.query = query;
    this.params = params;
    this.resultFormats = resultFormats;
  }

  /** Which columns go in binary: as the client asked, where the type has a binary form. */
  boolean[] binaryColumns(List<PgColumn> columns) {
    if (binary == null) {
      binary = new boolean[columns.size()];
      for (int i = 0; i < binary.length; i++) {
        short f =
            resultFormats.length == 0
                ? 0
                : resultFormats.length == 1 ? resultFormats[0] : resultFormats[i];
        binary[i] = f == 1 && PgTypes.hasBinary(columns.get(i).oid);
      }
    }
    return binary;
  }

  void close() {
    if (result != null) {
      result.close();
      result = null;
    }
  }
}
