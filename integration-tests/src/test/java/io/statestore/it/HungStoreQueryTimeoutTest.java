package io.statestore.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.testkit.HungEndpoint;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Base64;
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
  private HungEndpoint server;

  @BeforeEach
  void hungEndpoint() {
    server = new HungEndpoint();
  }

  @AfterEach
  void close() {
    server.close();
  }

  private String url(String store) {
    String endpoint = server.url();
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
              Duration.ofSeconds(60), () -> assertThrows(SQLException.class, () -> s.execute(sql)));
      long end = System.nanoTime();
      assertEquals("HYT00", e.getSQLState(), e.getMessage());
      // Timed from the first request to the store: planning before it is CPU work that a busy
      // machine can stretch; what must end at the timeout is waiting on the store.
      long ms = Duration.ofNanos(end - server.firstAcceptedNanos(start)).toMillis();
      assertTrue(ms < 10_000, sql + " on " + store + " waited " + ms + " ms on the store");
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
