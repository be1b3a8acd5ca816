package io.statestore.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code statestore serve} from the command line, in a JVM of its own as a user starts it: on a
 * free loopback port with a users file, answering the PostgreSQL JDBC driver's reads and writes,
 * refusing writes with 25006 under {@code --read-only}, and stopping on a termination signal.
 */
class ServeProcessTest {
  private static final Pattern SERVING = Pattern.compile("Serving on 127\\.0\\.0\\.1:(\\d+)");
  private static final String PASSWORD = "an-analyst-pass";

  @TempDir Path dir;

  @Test
  void servesReadsAndWritesToAPostgresqlClientUntilStopped() throws Exception {
    Path users = addUser();
    Path store = dir.resolve("store");
    try (Served s = serve("-s", "file:" + store, "--users", users.toString(), "--port", "0");
        Connection c = s.connect();
        Statement st = c.createStatement()) {
      assertEquals(
          1,
          st.executeUpdate(
              "INSERT INTO state (state_id, body) VALUES ('dev:tap-a', '{\"completed\": {}, \"partial\": {}}')"));
      try (ResultSet rs = st.executeQuery("SELECT state_id, body FROM state")) {
        assertTrue(rs.next(), s.toString());
        assertEquals("dev:tap-a", rs.getString(1));
        assertEquals("{\"completed\": {}, \"partial\": {}}", rs.getString(2));
        assertFalse(rs.next());
      }
    }
    CliRun get = CliRun.run("get", "-s", "file:" + store, "--raw", "dev:tap-a");
    assertEquals(ExitCodes.OK, get.status(), "the write reached the store: " + get);
    assertTrue(get.out().startsWith("{\"completed\": {}"), get.toString());
  }

  @Test
  void readOnlyRefusesAWriteWith25006AndWritesNothing() throws Exception {
    Path users = addUser();
    Path store = dir.resolve("store");
    CliRun seed =
        CliRun.run("set", "-s", "file:" + store, "dev:kept", "{\"completed\": {\"v\": 1}}");
    assertEquals(ExitCodes.OK, seed.status(), seed.toString());
    CliRun before = CliRun.run("get", "-s", "file:" + store, "--raw", "dev:kept");
    try (Served s =
            serve(
                "-s", "file:" + store, "--users", users.toString(), "--port", "0", "--read-only");
        Connection c = s.connect();
        Statement st = c.createStatement()) {
      SQLException e =
          assertThrows(
              SQLException.class,
              () ->
                  st.executeUpdate(
                      "UPDATE state SET body = '{\"completed\": {\"v\": 2}}' WHERE state_id = 'dev:kept'"));
      assertEquals("25006", e.getSQLState(), e.getMessage());
      try (ResultSet rs = st.executeQuery("SELECT body FROM state WHERE state_id = 'dev:kept'")) {
        assertTrue(rs.next(), "a read still works");
        assertEquals(before.out().strip(), rs.getString(1));
      }
    }
    CliRun after = CliRun.run("get", "-s", "file:" + store, "--raw", "dev:kept");
    assertEquals(before.out(), after.out(), "nothing written");
  }

  private Path addUser() {
    Path users = dir.resolve("users");
    CliRun r =
        CliRun.run(
            PASSWORD + "\n", false, "serve", "--add-user", "analyst", "--users", users.toString());
    assertEquals(ExitCodes.OK, r.status(), r.toString());
    return users;
  }

  /** Starts {@code statestore serve} in a new JVM and waits for the port it names. */
  private Served serve(String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(StatestoreCommand.class.getName());
    command.add("serve");
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    Served s = new Served(p);
    BufferedReader out =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = out.readLine()) != null) {
      s.output.append(line).append('\n');
      Matcher m = SERVING.matcher(line);
      if (m.find()) {
        s.port = Integer.parseInt(m.group(1));
        Thread drain = new Thread(() -> out.lines().forEach(l -> s.output.append(l).append('\n')));
        drain.setDaemon(true);
        drain.start();
        return s;
      }
    }
    s.close();
    throw new AssertionError("statestore serve did not start: " + s.output);
  }

  /** A running {@code statestore serve}; closing it sends a termination signal and waits. */
  private static final class Served implements AutoCloseable {
    final Process process;
    final StringBuffer output = new StringBuffer();
    int port;

    Served(Process process) {
      this.process = process;
    }

    Connection connect() throws SQLException {
      Properties p = new Properties();
      p.setProperty("user", "analyst");
      p.setProperty("password", PASSWORD);
      return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/statestore", p);
    }

    @Override
    public void close() throws Exception {
      process.destroy();
      assertTrue(process.waitFor(60, TimeUnit.SECONDS), "serve stopped on SIGTERM: " + output);
    }

    @Override
    public String toString() {
      return output.toString();
    }
  }
}
