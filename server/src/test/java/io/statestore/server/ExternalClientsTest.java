package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * psql, psycopg2 and SQLAlchemy's inspector against the server, each where it is installed (the
 * Debian packages postgresql-client, python3-psycopg2 and python3-sqlalchemy); a missing one is
 * skipped, saying which.
 */
class ExternalClientsTest {
  private static ServerFixture fixture;

  @BeforeAll
  static void start() throws Exception {
    fixture = new ServerFixture(false);
    try (Connection c = fixture.connect();
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('ext:a', '"
              + PgServerSqlTourTest.body("2024-08-01")
              + "')");
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  /** psql's connection string for the test user on the server listening on {@code port}. */
  static String conninfo(int port) {
    return "host=127.0.0.1 port="
        + port
        + " dbname=statestore user="
        + ServerFixture.USER
        + " sslmode=disable";
  }

  @Test
  void psqlRunsTheTour() throws Exception {
    assumeTrue(runs("psql", "--version"), "psql is not installed (Debian: postgresql-client)");
    String out =
        psql(
            fixture.server.port(),
            "-At",
            "-c",
            "SELECT state_id FROM state WHERE state_id LIKE 'ext:%' ORDER BY state_id");
    assertEquals("ext:a", out.strip());
    String version =
        run(List.of("psql", conninfo(fixture.server.port()), "-At", "-c", "SELECT version()"));
    assertTrue(version.startsWith("PostgreSQL"), version);
  }

  @Test
  void psqlListsStateWithItsColumnsAndPrimaryKey() throws Exception {
    assumeTrue(runs("psql", "--version"), "psql is not installed (Debian: postgresql-client)");
    String tables = psql(fixture.server.port(), "-At", "-c", "\\dt");
    assertTrue(tables.lines().anyMatch(l -> l.matches("[^|]+\\|state\\|table\\|.*")), tables);
    assertTrue(tables.lines().anyMatch(l -> l.matches("[^|]+\\|locks\\|table\\|.*")), tables);
    String state = psql(fixture.server.port(), "-c", "\\d state");
    assertTrue(state.contains("Table \"statestore.state\""), state);
    assertTrue(
        state.matches("(?s).*state_id\\s*\\|\\s*character varying\\s*\\|\\s*\\|\\s*not null.*"),
        state);
    assertTrue(state.matches("(?s).*body\\s*\\|\\s*character varying\\s*\\|.*"), state);
    assertTrue(
        state.matches("(?s).*updated_at\\s*\\|\\s*timestamp without time zone\\s*\\|.*"), state);
    assertTrue(state.contains("\"state_pkey\" PRIMARY KEY, btree (state_id)"), state);
    // H2's information_schema has a table named locks too: only the one on the search path shows
    String locks = psql(fixture.server.port(), "-c", "\\d locks");
    assertTrue(locks.contains("Table \"statestore.locks\""), locks);
    assertTrue(!locks.contains("information_schema"), locks);
  }

  @Test
  void psqlVerboseListingsAnswer() throws Exception {
    assumeTrue(runs("psql", "--version"), "psql is not installed (Debian: postgresql-client)");
    String tables = psql(fixture.server.port(), "-At", "-c", "\\dt+");
    // schema|name|type|owner|persistence|size|description: a store's size is not known (empty)
    assertTrue(
        tables
            .lines()
            .anyMatch(l -> l.matches("statestore\\|state\\|table\\|[^|]+\\|permanent\\|\\|.*")),
        tables);
    assertTrue(tables.lines().anyMatch(l -> l.startsWith("statestore|locks|table|")), tables);
    String state = psql(fixture.server.port(), "-c", "\\d+ state");
    assertTrue(state.contains("Table \"statestore.state\""), state);
    assertTrue(state.matches("(?s).*Column\\s*\\|\\s*Type\\s*\\|.*\\|\\s*Storage\\s*\\|.*"), state);
    assertTrue(
        state.matches("(?s).*state_id\\s*\\|\\s*character varying\\s*\\|\\s*\\|\\s*not null.*"),
        state);
    assertTrue(
        state.matches(
            "(?s).*updated_at\\s*\\|\\s*timestamp[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|\\s*plain.*"),
        "a timestamp is stored plain, as in PostgreSQL: " + state);
    assertTrue(
        state.matches(
            "(?s).*body\\s*\\|\\s*character varying[^|]*\\|[^|]*\\|[^|]*\\|[^|]*\\|\\s*extended.*"),
        "text is stored extended: " + state);
    assertTrue(state.contains("\"state_pkey\" PRIMARY KEY, btree (state_id)"), state);
    String functions = psql(fixture.server.port(), "-c", "\\df");
    assertTrue(functions.contains("List of functions"), functions);
    assertTrue(functions.contains("(0 rows)"), functions);
    String sizes =
        psql(
            fixture.server.port(),
            "-At",
            "-c",
            "SELECT pg_catalog.pg_size_pretty(10239::bigint), pg_size_pretty(10240::bigint),"
                + " pg_size_pretty(123456789::bigint), pg_size_pretty(-20000000000::bigint),"
                + " pg_relation_size('state'::regclass) IS NULL FROM pg_catalog.pg_class"
                + " WHERE relname = 'state'");
    assertEquals("10239 bytes|10 kB|118 MB|-19 GB|t", sizes.strip(), sizes);
  }

  @Test
  void sqlalchemyInspectorListsStateWithItsColumnsAndPrimaryKey() throws Exception {
    String python = pythonWith("sqlalchemy, psycopg2");
    assumeTrue(
        python != null,
        "python3 with SQLAlchemy and psycopg2 is not installed"
            + " (Debian: python3-sqlalchemy python3-psycopg2)");
    String script =
        "from sqlalchemy import create_engine, inspect\n"
            + "from sqlalchemy.engine import URL\n"
            + "e = create_engine(URL.create('postgresql+psycopg2', username='"
            + ServerFixture.USER
            + "', password='"
            + ServerFixture.PASSWORD
            + "', host='127.0.0.1', port="
            + fixture.server.port()
            + ", database='statestore', query={'sslmode': 'disable'}))\n"
            + "i = inspect(e)\n"
            + "print('tables', sorted(i.get_table_names()))\n"
            + "for c in i.get_columns('state'):\n"
            + "    print('column', c['name'], type(c['type']).__name__, c['nullable'])\n"
            + "pk = i.get_pk_constraint('state')\n"
            + "print('pk', pk['name'], pk['constrained_columns'])\n"
            + "print('has', i.has_table('state'))\n";
    String out = run(List.of(python, "-c", script));
    assertTrue(out.contains("tables ['locks', 'state']"), out);
    assertTrue(out.contains("column state_id VARCHAR False"), out);
    assertTrue(out.contains("column body VARCHAR False"), out);
    assertTrue(out.contains("column updated_at TIMESTAMP True"), out);
    assertTrue(out.contains("pk state_pkey ['state_id']"), out);
    assertTrue(out.contains("has True"), out);
  }

  @Test
  void psycopg2RunsAParameterisedQuery() throws Exception {
    String python = pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed (Debian: python3-psycopg2)");
    String script =
        "import psycopg2\n"
            + "c = psycopg2.connect("
            + pyArgs(fixture.server.port())
            + ")\n"
            + "cur = c.cursor()\n"
            + "cur.execute(\"SELECT state_id FROM state WHERE state_id = %s\", ('ext:a',))\n"
            + "print(cur.fetchone()[0])\n"
            + "c.rollback()\n"
            + "c.close()\n";
    assertEquals("ext:a", run(List.of(python, "-c", script)).strip());
  }

  /** psycopg2's connection arguments for the test user on the server listening on {@code port}. */
  static String pyArgs(int port) {
    return "host='127.0.0.1', port="
        + port
        + ", dbname='statestore', user='"
        + ServerFixture.USER
        + "', password='"
        + ServerFixture.PASSWORD
        + "', sslmode='disable'";
  }

  static String pythonWith(String module) {
    for (String p : List.of("/usr/bin/python3", "python3")) {
      if (runs(p, "-c", "import " + module)) {
        return p;
      }
    }
    return null;
  }

  static boolean runs(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Runs psql against the server on {@code port}, stopping at the first error, with {@code args}.
   */
  static String psql(int port, String... args) throws Exception {
    List<String> command =
        new ArrayList<>(List.of("psql", conninfo(port), "-v", "ON_ERROR_STOP=1"));
    command.addAll(List.of(args));
    return run(command);
  }

  static String run(List<String> command) throws Exception {
    ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
    pb.environment().put("PGPASSWORD", ServerFixture.PASSWORD);
    pb.environment().put("PGCONNECT_TIMEOUT", "20");
    Process p = pb.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + command.get(0));
    assertEquals(0, p.exitValue(), command.get(0) + " failed:\n" + out);
    return out;
  }
}
