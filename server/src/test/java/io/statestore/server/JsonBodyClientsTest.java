package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A server that reports {@code body} as {@code json} (OID 114): the PostgreSQL JDBC driver, psql,
 * psycopg2 (which then hands out a dict) and SQLAlchemy read and write it; a missing client is
 * skipped, saying which.
 */
class JsonBodyClientsTest {
  private static final String DOC =
      "{\"completed\": {\"singer_state\": {\"n\": 1}}, \"partial\": {}}";
  private static ServerFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new ServerFixture(new ServerConfig().setBodyAsJson(true));
    try (Connection c = fixture.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate("INSERT INTO state (state_id, body) VALUES ('json:a', '" + DOC + "')");
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @Test
  void pgjdbcSeesJsonInResultsAndMetadataAndStillWritesText() throws Exception {
    try (Connection c = fixture.connect()) {
      for (int i = 0; i < 6; i++) { // past pgjdbc's prepare threshold: a named server statement
        try (PreparedStatement ps =
            c.prepareStatement("SELECT state_id, body FROM state WHERE state_id = ?")) {
          ps.setString(1, "json:a");
          try (ResultSet rs = ps.executeQuery()) {
            assertEquals("json", rs.getMetaData().getColumnTypeName(2));
            assertEquals("varchar", rs.getMetaData().getColumnTypeName(1));
            assertTrue(rs.next());
            assertEquals(DOC, rs.getString(2));
          }
        }
      }
      try (ResultSet rs = c.getMetaData().getColumns(null, "statestore", "state", "body")) {
        assertTrue(rs.next());
        assertEquals("json", rs.getString("TYPE_NAME"));
      }
      try (ResultSet rs =
          c.createStatement()
              .executeQuery(
                  "SELECT data_type FROM information_schema.columns WHERE table_schema ="
                      + " 'statestore' AND table_name = 'state' AND column_name = 'body'")) {
        assertTrue(rs.next());
        assertEquals("json", rs.getString(1), "information_schema.columns");
      }
      try (PreparedStatement ps =
          c.prepareStatement("UPDATE state SET body = ? WHERE state_id = 'json:a'")) {
        ps.setString(1, DOC);
        assertEquals(1, ps.executeUpdate());
      }
    }
  }

  @Test
  void psqlShowsJson() throws Exception {
    assumeTrue(
        ExternalClientsTest.runs("psql", "--version"),
        "psql is not installed (Debian: postgresql-client)");
    String table = ExternalClientsTest.psql(fixture.server.port(), "-c", "\\d state");
    assertTrue(table.matches("(?s).*body\\s*\\|\\s*json\\s*\\|.*"), table);
    String body =
        ExternalClientsTest.psql(
            fixture.server.port(), "-At", "-c", "SELECT body FROM state WHERE state_id = 'json:a'");
    assertEquals(DOC, body.strip());
  }

  @Test
  void psycopg2HandsOutADictAndSqlalchemyReflectsJson() throws Exception {
    String python = ExternalClientsTest.pythonWith("sqlalchemy, psycopg2");
    assumeTrue(
        python != null,
        "python3 with SQLAlchemy and psycopg2 is not installed"
            + " (Debian: python3-sqlalchemy python3-psycopg2)");
    String args = ExternalClientsTest.pyArgs(fixture.server.port());
    String script =
        "import json, psycopg2\n"
            + "from sqlalchemy import create_engine, inspect, text\n"
            + "c = psycopg2.connect("
            + args
            + ")\n"
            + "cur = c.cursor()\n"
            + "cur.execute(\"SELECT body FROM state WHERE state_id = %s\", ('json:a',))\n"
            + "b = cur.fetchone()[0]\n"
            + "print('psycopg2', type(b).__name__, b['completed']['singer_state']['n'])\n"
            + "c.rollback()\n"
            + "c.close()\n"
            + "e = create_engine('postgresql+psycopg2://', creator=lambda: psycopg2.connect("
            + args
            + "))\n"
            + "for col in inspect(e).get_columns('state'):\n"
            + "    print('column', col['name'], type(col['type']).__name__)\n"
            + "with e.connect() as conn:\n"
            + "    b = conn.execute(text(\"SELECT body FROM state WHERE state_id = 'json:a'\"))"
            + ".scalar()\n"
            + "    print('sqlalchemy', type(b).__name__, b['completed']['singer_state']['n'])\n"
            + "    b['completed']['singer_state']['n'] = 2\n"
            + "    n = conn.execute(text(\"UPDATE state SET body = :b WHERE state_id = 'json:a'\"),"
            + " {'b': json.dumps(b)}).rowcount\n"
            + "    print('updated', n)\n";
    String out = ExternalClientsTest.run(List.of(python, "-c", script));
    assertTrue(out.contains("psycopg2 dict 1"), out);
    assertTrue(out.contains("column body JSON"), out);
    assertTrue(out.contains("column state_id VARCHAR"), out);
    assertTrue(out.contains("sqlalchemy dict 1"), out);
    assertTrue(out.contains("updated 1"), out);
    try (Connection c = fixture.engine();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT body FROM state WHERE state_id = 'json:a'")) {
      assertTrue(rs.next());
      assertTrue(rs.getString(1).contains("\"n\": 2"), rs.getString(1));
    }
  }
}
