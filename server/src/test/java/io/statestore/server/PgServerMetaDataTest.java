package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** What the PostgreSQL JDBC driver's DatabaseMetaData shows of the served store. */
class PgServerMetaDataTest {
  private static ServerFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new ServerFixture(true);
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void sessionParametersAsPostgresqlAnswersThem() throws Exception {
    try (Connection c = fixture.connect();
        Statement s = c.createStatement()) {
      SQLException unknown =
          assertThrows(SQLException.class, () -> s.executeQuery("SHOW no_such_parameter"));
      assertEquals("42704", unknown.getSQLState(), unknown.getMessage());
      assertTrue(unknown.getMessage().contains("no_such_parameter"), unknown.getMessage());
      assertEquals("read committed", one(s, "SHOW TRANSACTION ISOLATION LEVEL"));
      assertEquals("90600", one(s, "SHOW server_version_num"));
      s.execute("SET application_name = 'dashboards'");
      assertEquals("dashboards", one(s, "SELECT current_setting('application_name')"));
      assertEquals("UTF8", one(s, "SELECT pg_catalog.current_setting('server_encoding')"));
      assertEquals(null, one(s, "SELECT current_setting('no_such_parameter', true)"));
      SQLException missing =
          assertThrows(
              SQLException.class, () -> one(s, "SELECT current_setting('no_such_parameter')"));
      assertEquals("42704", missing.getSQLState(), missing.getMessage());
      SQLException badTimeout =
          assertThrows(SQLException.class, () -> s.execute("SET statement_timeout = 'soon'"));
      assertEquals("22023", badTimeout.getSQLState(), badTimeout.getMessage());
      s.execute("SET statement_timeout = '2s'");
      assertEquals("2s", one(s, "SHOW statement_timeout"));
      s.execute("SET statement_timeout TO DEFAULT");
      assertEquals("0", one(s, "SHOW statement_timeout"));
    }
  }

  private static String one(Statement s, String sql) throws SQLException {
    try (ResultSet rs = s.executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }

  @Test
  void tablesListStateAndLocks() throws Exception {
    try (Connection c = fixture.connect()) {
      List<String> tables = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getTables(null, null, "%", new String[] {"TABLE"})) {
        while (rs.next()) {
          tables.add(rs.getString("TABLE_SCHEM") + "." + rs.getString("TABLE_NAME"));
          assertEquals("TABLE", rs.getString("TABLE_TYPE"));
        }
      }
      assertTrue(tables.contains("statestore.state"), tables.toString());
      assertTrue(tables.contains("statestore.locks"), tables.toString());
    }
  }

  @Test
  void columnsOfStateWithTheirTypes() throws Exception {
    try (Connection c = fixture.connect()) {
      Map<String, Integer> types = new LinkedHashMap<>();
      Map<String, String> typeNames = new LinkedHashMap<>();
      try (ResultSet rs = c.getMetaData().getColumns(null, "statestore", "state", "%")) {
        while (rs.next()) {
          types.put(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"));
          typeNames.put(rs.getString("COLUMN_NAME"), rs.getString("TYPE_NAME"));
          if (rs.getString("COLUMN_NAME").equals("state_id")) {
            assertEquals(DatabaseMetaData.columnNoNulls, rs.getInt("NULLABLE"));
          }
        }
      }
      assertEquals(List.of("state_id", "body", "updated_at"), new ArrayList<>(types.keySet()));
      assertEquals(Types.VARCHAR, types.get("state_id"), typeNames.toString());
      assertEquals(Types.VARCHAR, types.get("body"), typeNames.toString());
      assertEquals(Types.TIMESTAMP, types.get("updated_at"), typeNames.toString());
    }
  }

  @Test
  void primaryKeyOfState() throws Exception {
    try (Connection c = fixture.connect();
        ResultSet rs = c.getMetaData().getPrimaryKeys(null, "statestore", "state")) {
      assertTrue(rs.next());
      assertEquals("state_id", rs.getString("COLUMN_NAME"));
      assertEquals(1, rs.getInt("KEY_SEQ"));
      assertEquals("state", rs.getString("TABLE_NAME"));
      assertEquals(false, rs.next());
    }
  }

  @Test
  void schemasAndInformationSchema() throws Exception {
    try (Connection c = fixture.connect()) {
      List<String> schemas = new ArrayList<>();
      try (ResultSet rs = c.getMetaData().getSchemas()) {
        while (rs.next()) {
          schemas.add(rs.getString("TABLE_SCHEM"));
        }
      }
      assertTrue(schemas.contains("statestore"), schemas.toString());
      List<String> columns = new ArrayList<>();
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT column_name, data_type FROM information_schema.columns"
                      + " WHERE table_schema = 'statestore' AND table_name = 'state'"
                      + " ORDER BY ordinal_position")) {
        while (rs.next()) {
          columns.add(rs.getString(1));
        }
      }
      assertEquals(List.of("state_id", "body", "updated_at"), columns);
    }
  }
}
