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
 * psql and psycopg2 against the server, each where it is installed (the Debian packages
 * postgresql-client and python3-psycopg2); a missing one is skipped, saying which.
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

  private static String conninfo() {
    return "host=127.0.0.1 port="
        + fixture.server.port()
        + " dbname=statestore user="
        + ServerFixture.USER
        + " sslmode=disable";
  }

  @Test
  void psqlRunsTheTour() throws Exception {
    assumeTrue(runs("psql", "--version"), "psql is not installed (Debian: postgresql-client)");
    String out =
        run(
            List.of(
                "psql",
                conninfo(),
                "-v",
                "ON_ERROR_STOP=1",
                "-At",
                "-c",
                "SELECT state_id FROM state WHERE state_id LIKE 'ext:%' ORDER BY state_id"));
    assertEquals("ext:a", out.strip());
    String version = run(List.of("psql", conninfo(), "-At", "-c", "SELECT version()"));
    assertTrue(version.startsWith("PostgreSQL"), version);
  }

  @Test
  void psycopg2RunsAParameterisedQuery() throws Exception {
    String python = pythonWith("psycopg2");
    assumeTrue(python != null, "python3 with psycopg2 is not installed (Debian: python3-psycopg2)");
    String script =
        "import psycopg2\n"
            + "c = psycopg2.connect("
            + pyArgs()
            + ")\n"
            + "cur = c.cursor()\n"
            + "cur.execute(\"SELECT state_id FROM state WHERE state_id = %s\", ('ext:a',))\n"
            + "print(cur.fetchone()[0])\n"
            + "c.rollback()\n"
            + "c.close()\n";
    assertEquals("ext:a", run(List.of(python, "-c", script)).strip());
  }

  private static String pyArgs() {
    return "host='127.0.0.1', port="
        + fixture.server.port()
        + ", dbname='statestore', user='"
        + ServerFixture.USER
        + "', password='"
        + ServerFixture.PASSWORD
        + "', sslmode='disable'";
  }

  private static String pythonWith(String module) {
    for (String p : List.of("/usr/bin/python3", "python3")) {
      if (runs(p, "-c", "import " + module)) {
        return p;
      }
    }
    return null;
  }

  private static boolean runs(String... command) {
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

  private static String run(List<String> command) throws Exception {
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
