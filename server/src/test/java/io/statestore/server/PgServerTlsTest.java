package io.statestore.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * TLS through the PostgreSQL JDBC driver: a key store made here by the JDK's keytool, a client
 * verifying the server's certificate, a client without TLS refused when TLS is required, and the
 * password sent in clear only over TLS.
 */
class PgServerTlsTest {
  private static final String STORE_PASSWORD = "keystore secret 42";

  @TempDir static Path dir;
  private static Path keyStore;
  private static Path certificate;

  @BeforeAll
  static void makeCertificate() throws Exception {
    keyStore = dir.resolve("server.p12");
    certificate = dir.resolve("server.pem");
    keytool(
        "-genkeypair",
        "-alias",
        "server",
        "-keyalg",
        "RSA",
        "-keysize",
        "2048",
        "-dname",
        "CN=localhost",
        "-ext",
        "SAN=ip:127.0.0.1,dns:localhost",
        "-validity",
        "2",
        "-storetype",
        "PKCS12",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        STORE_PASSWORD,
        "-keypass",
        STORE_PASSWORD);
    keytool(
        "-exportcert",
        "-rfc",
        "-alias",
        "server",
        "-keystore",
        keyStore.toString(),
        "-storepass",
        STORE_PASSWORD,
        "-file",
        certificate.toString());
  }

  private static void keytool(String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "keytool timed out");
    assertEquals(0, p.exitValue(), "keytool failed: " + out);
  }

  private static ServerConfig tls() {
    return new ServerConfig().setTlsKeyStore(keyStore, STORE_PASSWORD.toCharArray());
  }

  private static Connection connect(ServerFixture f, String password, String sslmode)
      throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", ServerFixture.USER);
    p.setProperty("password", password);
    p.setProperty("sslmode", sslmode);
    p.setProperty("sslrootcert", certificate.toString());
    return DriverManager.getConnection(f.url(), p);
  }

  private static long rows(Connection c) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM state")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  @Test
  void aClientVerifyingTheCertificateIsServedOverTls() throws Exception {
    try (ServerFixture f = new ServerFixture(tls().setRequireTls(true));
        Connection c = connect(f, ServerFixture.PASSWORD, "verify-full")) {
      assertEquals(0, rows(c));
    }
  }

  @Test
  void aClientWithoutTlsIsRefusedWhenTlsIsRequired() throws Exception {
    try (ServerFixture f = new ServerFixture(tls().setRequireTls(true))) {
      SQLException e =
          assertThrows(SQLException.class, () -> connect(f, ServerFixture.PASSWORD, "disable"));
      assertEquals("28000", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("TLS"), e.getMessage());
      assertFalse(e.getMessage().contains(ServerFixture.PASSWORD), e.getMessage());
      assertEquals(
          0, PgServerSecurityTest.waitForNoClients(f), "the refused client's slot is freed");
    }
  }

  @Test
  void withoutAKeyStoreTlsIsRefusedAndClientsGoOnWithout() throws Exception {
    try (ServerFixture f = new ServerFixture(new ServerConfig())) {
      SQLException e =
          assertThrows(SQLException.class, () -> connect(f, ServerFixture.PASSWORD, "require"));
      assertTrue(e.getMessage().contains("SSL"), e.getMessage());
      try (Connection c = connect(f, ServerFixture.PASSWORD, "prefer")) {
        assertEquals(0, rows(c));
      }
    }
  }

  @Test
  void theClearPasswordIsAskedForOnlyOverTls() throws Exception {
    try (ServerFixture f = new ServerFixture(tls().setPasswordOverTls(true))) {
      try (Connection c = connect(f, ServerFixture.PASSWORD, "verify-full")) {
        assertEquals(0, rows(c));
      }
      SQLException wrong =
          assertThrows(SQLException.class, () -> connect(f, "not the password", "verify-full"));
      assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
      try (Connection plain = connect(f, ServerFixture.PASSWORD, "disable")) {
        assertEquals(0, rows(plain)); // SCRAM-SHA-256 without TLS
      }
    }
  }

  @Test
  void psqlConnectsOverTls() throws Exception {
    Process probe;
    try {
      probe = new ProcessBuilder("psql", "--version").redirectErrorStream(true).start();
      probe.getInputStream().readAllBytes();
    } catch (IOException e) {
      probe = null;
    }
    assumeTrue(
        probe != null && probe.waitFor(60, TimeUnit.SECONDS) && probe.exitValue() == 0,
        "psql is not installed (Debian: postgresql-client)");
    try (ServerFixture f = new ServerFixture(tls().setRequireTls(true))) {
      ProcessBuilder pb =
          new ProcessBuilder(
                  "psql",
                  "host=127.0.0.1 port="
                      + f.server.port()
                      + " dbname=statestore user="
                      + ServerFixture.USER
                      + " sslmode=verify-ca sslrootcert="
                      + certificate,
                  "-v",
                  "ON_ERROR_STOP=1",
                  "-At",
                  "-c",
                  "SELECT count(*) FROM state")
              .redirectErrorStream(true);
      pb.environment().put("PGPASSWORD", ServerFixture.PASSWORD);
      pb.environment().put("PGCONNECT_TIMEOUT", "20");
      Process p = pb.start();
      String out = new String(p.getInputStream().readAllBytes());
      assertTrue(p.waitFor(120, TimeUnit.SECONDS), "psql timed out");
      assertEquals(0, p.exitValue(), "psql failed:\n" + out);
      assertEquals("0", out.strip());
    }
  }

  @Test
  void aKeyStoreIsNeededToRequireTls() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ServerFixture(new ServerConfig().setRequireTls(true)).close());
    assertTrue(e.getMessage().contains("key store"), e.getMessage());
  }
}
