package io.statestore.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link DatabaseMetaData} and {@link ResultSetMetaData} report about a store with one
 * attached store: only the user's schemas, tables and sizes a SQL client can lay out.
 */
public abstract class MetaDataContract {
  protected Connection conn;

  /** A JDBC URL of a fresh, empty store. */
  protected abstract String url() throws Exception;

  /** The longest state id the store reports as {@code COLUMN_SIZE}. */
  protected int expectedIdSize() {
    return 900;
  }

  @BeforeEach
  void connect() throws Exception {
    Properties p = new Properties();
    p.setProperty("attach.other", "memory:meta-other-" + System.nanoTime());
    conn = DriverManager.getConnection(url(), p);
    try (Statement s = conn.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('dev:a', '{\"completed\": {\"x\": 1}}')");
    }
  }

  @AfterEach
  void disconnect() throws SQLException {
    if (conn != null) {
      conn.close();
    }
  }

  static List<Map<String, Object>> rows(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<Map<String, Object>> out = new ArrayList<>();
      while (rs.next()) {
        Map<String, Object> row = new HashMap<>();
        for (int i = 1; i <= md.getColumnCount(); i++) {
          row.put(md.getColumnLabel(i), rs.getObject(i));
        }
        out.add(row);
      }
      return out;
    }
  }

  static List<String> column(List<Map<String, Object>> rows, String name) {
    List<String> out = new ArrayList<>();
    for (Map<String, Object> r : rows) {
      Object v = r.get(name);
      out.add(v == null ? null : v.toString());
    }
    return out;
  }

  static List<String> labels(ResultSet rs) throws SQLException {
    try (rs) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnLabel(i));
      }
      return out;
    }
  }

  @Test
  void onlyTheUsersSchemasAppear() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertEquals(List.of("other", "statestore"), column(rows(md.getSchemas()), "TABLE_SCHEM"));
    assertEquals(List.of("other"), column(rows(md.getSchemas(null, "oth%")), "TABLE_SCHEM"));
    List<Map<String, Object>> tables = rows(md.getTables(null, null, "%", null));
    List<String> names = new ArrayList<>();
    for (Map<String, Object> t : tables) {
      names.add(t.get("TABLE_SCHEM") + "." + t.get("TABLE_NAME") + ":" + t.get("TABLE_TYPE"));
    }
    assertEquals(
        List.of(
            "other.locks:TABLE",
            "other.state:TABLE",
            "statestore.locks:TABLE",
            "statestore.state:TABLE"),
        names);
    assertEquals(List.of("TABLE"), column(rows(md.getTableTypes()), "TABLE_TYPE"));
    assertTrue(rows(md.getFunctions(null, null, "%")).isEmpty());
    for (Map<String, Object> c : rows(md.getColumns(null, null, "%", "%"))) {
      assertFalse("metadata".equals(c.get("TABLE_SCHEM")), c.toString());
    }
  }

  @Test
  void noCatalogAndNullTableCatEverywhere() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    assertTrue(rows(md.getCatalogs()).isEmpty());
    assertEquals(List.of("TABLE_CAT"), labels(md.getCatalogs()));
    for (Map<String, Object> r : rows(md.getTables(null, null, "%", null))) {
      assertNull(r.get("TABLE_CAT"));
    }
    for (Map<String, Object> r : rows(md.getColumns(null, null, "%", "%"))) {
      assertNull(r.get("TABLE_CAT"));
    }
    assertNull(rows(md.getSchemas()).get(0).get("TABLE_CATALOG"));
    assertTrue(rows(md.getTables("nosuch", null, "%", null)).isEmpty());
    assertEquals(2, rows(md.getTables("", "statestore", "%", null)).size());
  }

  @Test
  void indexInfoReportsThePrimaryKeyIndex() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    List<Map<String, Object>> idx = rows(md.getIndexInfo(null, "statestore", "state", true, true));
    assertEquals(1, idx.size(), idx.toString());
    Map<String, Object> i = idx.get(0);
    assertEquals("state_id", i.get("COLUMN_NAME"));
    assertEquals(Boolean.FALSE, i.get("NON_UNIQUE"));
    assertEquals("state_pk", i.get("INDEX_NAME"));
    assertEquals(1, ((Number) i.get("ORDINAL_POSITION")).intValue());
    assertEquals(1, rows(md.getIndexInfo(null, "other", "locks", false, true)).size());
    try (ResultSet rs = md.getPrimaryKeys(null, "statestore", "state")) {
      assertTrue(rs.next());
      assertEquals("state_id", rs.getString("COLUMN_NAME"));
      assertEquals(1, rs.getShort("KEY_SEQ"));
      assertFalse(rs.next());
    }
    List<String> keyColumns = MetaDataColumns.KEYS.stream().map(MetaDataRows.Column::name).toList();
    assertEquals(keyColumns, labels(md.getImportedKeys(null, "statestore", "state")));
    assertEquals(keyColumns, labels(md.getExportedKeys(null, "statestore", "state")));
    assertEquals(
        keyColumns,
        labels(md.getCrossReference(null, "statestore", "state", null, "statestore", "locks")));
    assertTrue(rows(md.getImportedKeys(null, "statestore", "state")).isEmpty());
  }

  @Test
  void typeInfoListsTheTypesTheSqlAccepts() throws SQLException {
    Map<String, Map<String, Object>> types = new HashMap<>();
    List<Integer> order = new ArrayList<>();
    for (Map<String, Object> r : rows(conn.getMetaData().getTypeInfo())) {
      types.put((String) r.get("TYPE_NAME"), r);
      order.add(((Number) r.get("DATA_TYPE")).intValue());
    }
    Map<String, Integer> expected = new HashMap<>();
    expected.put("VARCHAR", Types.VARCHAR);
    expected.put("CHAR", Types.CHAR);
    expected.put("INTEGER", Types.INTEGER);
    expected.put("BIGINT", Types.BIGINT);
    expected.put("SMALLINT", Types.SMALLINT);
    expected.put("TINYINT", Types.TINYINT);
    expected.put("BOOLEAN", Types.BOOLEAN);
    expected.put("DECIMAL", Types.DECIMAL);
    expected.put("DOUBLE", Types.DOUBLE);
    expected.put("REAL", Types.REAL);
    expected.put("FLOAT", Types.FLOAT);
    expected.put("DATE", Types.DATE);
    expected.put("TIME", Types.TIME);
    expected.put("TIMESTAMP", Types.TIMESTAMP);
    for (Map.Entry<String, Integer> e : expected.entrySet()) {
      Map<String, Object> t = types.get(e.getKey());
      assertTrue(t != null, e.getKey() + " missing from " + types.keySet());
      assertEquals(e.getValue(), ((Number) t.get("DATA_TYPE")).intValue(), e.getKey());
      assertTrue(((Number) t.get("PRECISION")).intValue() > 0, e.getKey());
      assertEquals(DatabaseMetaData.typeNullable, ((Number) t.get("NULLABLE")).intValue());
    }
    for (String u : List.of("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "CURSOR")) {
      assertFalse(types.containsKey(u), u);
    }
    assertEquals("'", types.get("VARCHAR").get("LITERAL_PREFIX"));
    assertEquals("'", types.get("VARCHAR").get("LITERAL_SUFFIX"));
    assertEquals(Boolean.TRUE, types.get("VARCHAR").get("CASE_SENSITIVE"));
    assertEquals(
        DatabaseMetaData.typeSearchable,
        ((Number) types.get("VARCHAR").get("SEARCHABLE")).intValue());
    assertEquals("TIMESTAMP '", types.get("TIMESTAMP").get("LITERAL_PREFIX"));
    assertEquals(23, ((Number) types.get("TIMESTAMP").get("PRECISION")).intValue());
    assertEquals(Boolean.FALSE, types.get("INTEGER").get("CASE_SENSITIVE"));
    assertEquals(order.stream().sorted().toList(), order);
  }

  @Test
  void columnSizesArePositive() throws SQLException {
    Map<String, Map<String, Object>> cols = new HashMap<>();
    for (Map<String, Object> r : rows(conn.getMetaData().getColumns(null, null, "state", "%"))) {
      cols.put(r.get("TABLE_SCHEM") + "." + r.get("COLUMN_NAME"), r);
    }
    assertEquals(6, cols.size(), cols.keySet().toString());
    Map<String, Object> id = cols.get("statestore.state_id");
    assertEquals(expectedIdSize(), ((Number) id.get("COLUMN_SIZE")).intValue());
    assertEquals(900, ((Number) cols.get("other.state_id").get("COLUMN_SIZE")).intValue());
    assertEquals(
        Integer.MAX_VALUE, ((Number) cols.get("statestore.body").get("COLUMN_SIZE")).intValue());
    Map<String, Object> ts = cols.get("statestore.updated_at");
    assertEquals(23, ((Number) ts.get("COLUMN_SIZE")).intValue());
    assertEquals(3, ((Number) ts.get("DECIMAL_DIGITS")).intValue());
    assertEquals("TIMESTAMP", ts.get("TYPE_NAME"));
    assertEquals("YES", ts.get("IS_NULLABLE"));
    assertEquals(DatabaseMetaData.columnNullable, ((Number) ts.get("NULLABLE")).intValue());
    assertEquals(3, ((Number) ts.get("ORDINAL_POSITION")).intValue());
    assertEquals("VARCHAR", id.get("TYPE_NAME"));
    assertEquals("NO", id.get("IS_NULLABLE"));
    assertEquals(DatabaseMetaData.columnNoNulls, ((Number) id.get("NULLABLE")).intValue());
    for (Map<String, Object> c : cols.values()) {
      assertEquals("NO", c.get("IS_AUTOINCREMENT"), c.toString());
      assertEquals("NO", c.get("IS_GENERATEDCOLUMN"), c.toString());
    }
    assertTrue(((String) id.get("REMARKS")).contains("state id"));
  }

  @Test
  void resultSetMetaDataOfAStateSelect() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM state")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(expectedIdSize(), md.getPrecision(1));
      assertEquals(expectedIdSize(), md.getColumnDisplaySize(1));
      assertEquals(Integer.MAX_VALUE, md.getPrecision(2));
      assertEquals(Integer.MAX_VALUE, md.getColumnDisplaySize(2));
      assertEquals(23, md.getPrecision(3));
      assertEquals(23, md.getColumnDisplaySize(3));
      assertEquals(3, md.getScale(3));
      assertTrue(md.isWritable(2));
      assertTrue(md.isDefinitelyWritable(2));
      assertFalse(md.isReadOnly(2));
      assertTrue(md.isWritable(1));
      assertFalse(md.isReadOnly(1));
      assertTrue(md.isReadOnly(3));
      assertFalse(md.isWritable(3));
      for (int i = 1; i <= 3; i++) {
        assertFalse(md.isAutoIncrement(i));
        assertTrue(md.isSearchable(i));
        assertEquals("statestore", md.getSchemaName(i));
        assertEquals("state", md.getTableName(i));
      }
      assertEquals(String.class.getName(), md.getColumnClassName(1));
      assertEquals(java.sql.Timestamp.class.getName(), md.getColumnClassName(3));
    }
  }

  @Test
  void resultSetMetaDataOfComputedAndLockColumns() throws SQLException {
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT state_id || 'x' AS y, body AS b FROM state")) {
      ResultSetMetaData md = rs.getMetaData();
      assertTrue(md.getColumnDisplaySize(1) > 0 && md.getColumnDisplaySize(1) <= 4096);
      assertTrue(md.getPrecision(1) > 0);
      assertTrue(md.isReadOnly(1));
      assertFalse(md.isWritable(1));
      assertTrue(md.isWritable(2));
    }
    try (Statement s = conn.createStatement();
        ResultSet rs = s.executeQuery("SELECT * FROM other.locks")) {
      ResultSetMetaData md = rs.getMetaData();
      assertEquals(900, md.getColumnDisplaySize(1));
      assertEquals(23, md.getColumnDisplaySize(2));
      for (int i = 1; i <= 3; i++) {
        assertTrue(md.isReadOnly(i));
        assertFalse(md.isWritable(i));
      }
    }
    try (ResultSet rs = conn.getMetaData().getTables(null, null, "%", null)) {
      ResultSetMetaData md = rs.getMetaData();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        assertTrue(md.getColumnDisplaySize(i) > 0, md.getColumnLabel(i));
      }
    }
  }

  @Test
  void formerTodoMethodsAnswer() throws SQLException {
    DatabaseMetaData md = conn.getMetaData();
    for (int type :
        new int[] {
          ResultSet.TYPE_FORWARD_ONLY,
          ResultSet.TYPE_SCROLL_INSENSITIVE,
          ResultSet.TYPE_SCROLL_SENSITIVE
        }) {
      assertFalse(md.deletesAreDetected(type));
      assertFalse(md.insertsAreDetected(type));
      assertFalse(md.updatesAreDetected(type));
      assertFalse(md.ownDeletesAreVisible(type));
      assertFalse(md.ownInsertsAreVisible(type));
      assertFalse(md.ownUpdatesAreVisible(type));
      assertFalse(md.othersDeletesAreVisible(type));
      assertFalse(md.othersInsertsAreVisible(type));
      assertFalse(md.othersUpdatesAreVisible(type));
    }
    assertTrue(md.supportsResultSetHoldability(md.getResultSetHoldability()));
    assertFalse(md.supportsTransactions());
    assertTrue(md.supportsBatchUpdates());
    assertEquals("statestore", md.getDatabaseProductName());
    assertTrue(md.getURL().startsWith("jdbc:statestore:"));
    assertEquals(conn, md.getConnection());
  }
}
