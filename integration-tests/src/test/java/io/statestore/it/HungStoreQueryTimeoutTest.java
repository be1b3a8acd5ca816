package io.statestore.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A cloud store that accepts connections and never answers: with the stores' default connect and
 * read timeouts (10 s and 30 s), a statement's query timeout still ends it in time, with HYT00.
 */
class HungStoreQueryTimeoutTest {
  private ServerSocket server;
  private final List<Socket> accepted = new ArrayList<>();

  @BeforeEach
  void hungEndpoint() throws IOException {
    server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread acceptor =
        new Thread(
            () -> {
              try {
                while (true) {
                  Socket s = server.accept();
                  synchronized (accepted) {
                    accepted.add(s);
                  }
                }
              } catch (IOException e) {
                // closed
              }
            },
            "hung-store");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  @AfterEach
  void close() throws IOException {
    server.close();
    synchronized (accepted) {
      for (Socket s : accepted) {
        s.close();
      }
    }
  }

  private String url(String store) {
    String endpoint = "http://127.0.0.1:" + server.getLocalPort();
    return switch (store) {
      case "s3" ->
          "jdbc:statestore:s3://bucket/p?s3.endpoint_url="
              + CloudUrls.encode(endpoint)
              + "&s3.region=us-east-1&fallback_dir=off";
      case "azure" ->
          "jdbc:statestore:azure://container/p?fallback_dir=off&azure.connection_string="
              + CloudUrls.encode(
                  "DefaultEndpointsProtocol=http;AccountName=acct;AccountKey="
                      + Base64.getEncoder().encodeToString(new byte[64])
                      + ";BlobEndpoint="
                      + endpoint
                      + "/acct;");
      default ->
          "jdbc:statestore:gs://bucket/p?fallback_dir=off&gcs.endpoint="
              + CloudUrls.encode(endpoint);
    };
  }

  private void timesOut(String store, String sql) throws SQLException {
    Properties props = new Properties();
    if (store.equals("s3")) {
      props.setProperty("user", "AKIAEXAMPLE");
      props.setProperty("password", "not-a-real-secret");
    }
    try (Connection c = DriverManager.getConnection(url(store), props);
        Statement s = c.createStatement()) {
      s.setQueryTimeout(2);
      long start = System.nanoTime();
      SQLException e =
          assertTimeoutPreemptively(
              Duration.ofSeconds(20), () -> assertThrows(SQLException.class, () -> s.execute(sql)));
      long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
      assertEquals("HYT00", e.getSQLState(), e.getMessage());
      assertTrue(ms < 10_000, sql + " on " + store + " took " + ms + " ms");
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "azure", "gcs"})
  void aSelectOfOneStateEndsAtTheQueryTimeout(String store) throws SQLException {
    timesOut(store, "SELECT body FROM state WHERE state_id = 'a'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "azure", "gcs"})
  void aScanEndsAtTheQueryTimeout(String store) throws SQLException {
    timesOut(store, "SELECT state_id, body FROM state");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "azure", "gcs"})
  void anUpdateEndsAtTheQueryTimeout(String store) throws SQLException {
    timesOut(store, "UPDATE state SET body = '{\"completed\": {}}' WHERE state_id = 'a'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "azure", "gcs"})
  void aScanOfLocksEndsAtTheQueryTimeout(String store) throws SQLException {
    timesOut(store, "SELECT state_id, locked_at FROM locks");
  }

  @ParameterizedTest
  @ValueSource(strings = {"s3", "azure", "gcs"})
  void aLookupOfOneLockEndsAtTheQueryTimeout(String store) throws SQLException {
    timesOut(store, "SELECT locked_at FROM locks WHERE state_id = 'a'");
  }
}
