package io.statestore.clients;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The calls DBeaver's generic JDBC plugin makes when it connects, opens the navigator and edits a
 * cell in its data editor (DBeaver itself needs a desktop), with what it needs from each answer.
 */
class DbeaverWorkflowTest {
  private static final String APPLICATION = "DBeaver 24.3.0 - Main <statestore>";

  @TempDir Path dir;

  private interface Rows {
    void row(ResultSet rs) throws SQLException;
  }

  private interface Step {
    void run() throws Throwable;
  }

  private static void defer(List<Throwable> failures, Step step) {
    try {
      step.run();
    } catch (Throwable t) {
      failures.add(t);
    }
  }

  private static int each(ResultSet rs, Rows rows) throws SQLException {
    int n = 0;
    try (rs) {
      while (rs.next()) {
        rows.row(rs);
        n++;
      }
    }
    return n;
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void connectsAndBrowsesTheNavigator(StoreKind kind) throws Exception {
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect()) {
      DatabaseMetaData md = conn.getMetaData();
      List<String> catalogs = new ArrayList<>();
      Set<String> schemas = new TreeSet<>();
      Set<String> tables = new TreeSet<>();
      Set<String> tableCatalogs = new TreeSet<>();
      List<String> columns = new ArrayList<>();
      List<String> sizes = new ArrayList<>();
      List<String> keys = new ArrayList<>();
      List<String> indexed = new ArrayList<>();
      Set<String> types = new TreeSet<>();
      assertAll(
          () -> assertFalse(md.getDatabaseProductName().isBlank(), "product name"),
          () -> assertFalse(md.getDatabaseProductVersion().isBlank(), "product version"),
          () -> assertFalse(md.getDriverName().isBlank(), "driver name"),
          () -> assertNotNull(md.getIdentifierQuoteString()),
          () -> assertTrue(md.getMaxColumnNameLength() >= 0),
          () -> assertTrue(conn.getAutoCommit(), "auto-commit"),
          () -> each(md.getCatalogs(), rs -> catalogs.add(rs.getString("TABLE_CAT"))),
          () -> each(md.getSchemas(), rs -> schemas.add(rs.getString("TABLE_SCHEM"))),
          () ->
              each(
                  md.getTables(null, "statestore", "%", null),
                  rs -> {
                    tables.add(rs.getString("TABLE_NAME") + ":" + rs.getString("TABLE_TYPE"));
                    tableCatalogs.add(String.valueOf(rs.getString("TABLE_CAT")));
                  }),
          () ->
              each(
                  md.getColumns(null, "statestore", "state", "%"),
                  rs -> {
                    columns.add(rs.getString("COLUMN_NAME"));
                    sizes.add(rs.getString("COLUMN_NAME") + "=" + rs.getInt("COLUMN_SIZE"));
                  }),
          () ->
              each(
                  md.getPrimaryKeys(null, "statestore", "state"),
                  rs -> keys.add(rs.getString("COLUMN_NAME") + ":" + rs.getShort("KEY_SEQ"))),
          () ->
              each(
                  md.getIndexInfo(null, "statestore", "state", false, true),
                  rs -> {
                    if (rs.getString("COLUMN_NAME") != null) {
                      indexed.add(
                          rs.getString("COLUMN_NAME") + ":unique=" + !rs.getBoolean("NON_UNIQUE"));
                    }
                  }),
          () -> assertEquals(0, each(md.getImportedKeys(null, "statestore", "state"), rs -> {})),
          () -> each(md.getTypeInfo(), rs -> types.add(rs.getString("TYPE_NAME"))));
      assertAll(
          () -> assertTrue(schemas.contains("statestore"), "schemas " + schemas),
          () ->
              assertFalse(schemas.contains("metadata"), "the engine's schema is listed " + schemas),
          () ->
              assertTrue(
                  catalogs.stream().allMatch(c -> c != null && !c.isEmpty()),
                  "a catalog without a name: " + catalogs),
          () ->
              assertEquals(
                  catalogs.isEmpty()
                      ? Set.of("null")
                      : catalogs.stream().map(String::valueOf).collect(Collectors.toSet()),
                  tableCatalogs,
                  "getCatalogs " + catalogs + " against the catalogs of getTables"),
          () -> assertEquals(Set.of("locks:TABLE", "state:TABLE"), tables),
          () -> assertEquals(List.of("state_id", "body", "updated_at"), columns),
          () ->
              assertTrue(
                  sizes.stream().allMatch(s -> Integer.parseInt(s.split("=")[1]) > 0),
                  "column sizes " + sizes),
          () -> assertEquals(List.of("state_id:1"), keys),
          () -> assertEquals(List.of("state_id:unique=true"), indexed, "getIndexInfo"),
          () -> assertTrue(types.contains("VARCHAR"), "getTypeInfo " + types),
          () -> assertTrue(types.contains("TIMESTAMP"), "getTypeInfo " + types));
    }
  }

  @ParameterizedTest
  @EnumSource(StoreKind.class)
  void opensTheDataEditorAndSavesACell(StoreKind kind) throws Exception {
    String id = TestStore.SEED_IDS.get(1);
    try (TestStore store = TestStore.open(kind, dir);
        Connection conn = store.connect()) {
      conn.setReadOnly(false);
      int isolation = conn.getTransactionIsolation();
      assertTrue(
          Set.of(
                  Connection.TRANSACTION_NONE,
                  Connection.TRANSACTION_READ_UNCOMMITTED,
                  Connection.TRANSACTION_READ_COMMITTED,
                  Connection.TRANSACTION_REPEATABLE_READ,
                  Connection.TRANSACTION_SERIALIZABLE)
              .contains(isolation),
          "isolation " + isolation);
      // Failures before the save are reported at the end, so that none hides what comes next.
      List<Throwable> deferred = new ArrayList<>();
      defer(
          deferred,
          () -> {
            conn.setClientInfo("ApplicationName", APPLICATION);
            assertEquals(APPLICATION, conn.getClientInfo("ApplicationName"));
          });

      List<String> ids = new ArrayList<>();
      try (Statement st =
          conn.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
        st.setFetchSize(200);
        st.setMaxRows(200);
        try (ResultSet rs = st.executeQuery("SELECT * FROM statestore.state")) {
          ResultSetMetaData rsmd = rs.getMetaData();
          assertEquals(3, rsmd.getColumnCount());
          List<String> labels = new ArrayList<>();
          List<String> widths = new ArrayList<>();
          for (int i = 1; i <= 3; i++) {
            labels.add(rsmd.getColumnLabel(i));
            widths.add(
                rsmd.getColumnLabel(i)
                    + ":display="
                    + rsmd.getColumnDisplaySize(i)
                    + ",precision="
                    + rsmd.getPrecision(i));
          }
          defer(
              deferred,
              () ->
                  assertAll(
                      () -> assertEquals(List.of("state_id", "body", "updated_at"), labels),
                      () -> assertEquals("state", rsmd.getTableName(1)),
                      () -> assertEquals("statestore", rsmd.getSchemaName(1)),
                      () -> assertEquals(Types.VARCHAR, rsmd.getColumnType(1)),
                      () ->
                          assertTrue(
                              widths.stream().noneMatch(w -> w.contains("=-") || w.contains("=0")),
                              "display sizes and precisions " + widths),
                      () -> assertTrue(rsmd.isWritable(2), "body is not writable"),
                      () -> assertFalse(rsmd.isAutoIncrement(1))));
          while (rs.next()) {
            ids.add(rs.getString("state_id"));
            assertNotNull(rs.getString("body"));
          }
        }
        assertEquals(new TreeSet<>(TestStore.SEED_IDS), new TreeSet<>(ids));

        st.setMaxRows(2);
        try (ResultSet rs = st.executeQuery("SELECT * FROM statestore.state")) {
          int n = 0;
          while (rs.next()) {
            n++;
          }
          assertEquals(2, n, "setMaxRows(2)");
        }
      }

      // The data editor saves a changed cell by primary key.
      try (PreparedStatement ps =
          conn.prepareStatement("UPDATE statestore.state SET body=? WHERE state_id=?")) {
        ps.setString(1, TestStore.body("edited in the grid"));
        ps.setString(2, id);
        assertEquals(1, ps.executeUpdate());
      }
      try (PreparedStatement ps =
          conn.prepareStatement("SELECT body FROM statestore.state WHERE state_id=?")) {
        ps.setString(1, id);
        try (ResultSet rs = ps.executeQuery()) {
          assertTrue(rs.next());
          assertEquals(TestStore.body("edited in the grid"), rs.getString(1));
        }
      }
      assertEquals(0, store.lockCount(), "a lock was left");
      if (!deferred.isEmpty()) {
        AssertionError e = new AssertionError(deferred.size() + " failure(s) in the workflow");
        deferred.forEach(e::addSuppressed);
        throw e;
      }
    }
  }
}
