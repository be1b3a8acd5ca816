package io.statestore.it.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.backend.azure.AzuriteExtension;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.backend.gcs.FakeGcsServer;
import io.statestore.backend.s3.S3ProxyServer;
import io.statestore.it.CloudUrls;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cloud store opened without any credentials is refused with a connection or access SQLState,
 * when connecting or on first use, and nothing is written.
 */
@ExtendWith(AzuriteExtension.class)
class MissingCredentialsTest {
  private static final List<String> REFUSED = List.of("28000", "08001", "08006");

  @TempDir Path dir;

  private static SQLException refused(String url) {
    SQLException e =
        assertThrows(
            SQLException.class,
            () -> {
              try (Connection c = DriverManager.getConnection(url);
                  Statement s = c.createStatement()) {
                s.executeUpdate(
                    "INSERT INTO state (state_id, body) VALUES ('x', '{\"completed\": {}}')");
              }
            },
            url);
    assertTrue(REFUSED.contains(e.getSQLState()), e.getSQLState() + " " + e.getMessage());
    return e;
  }

  @Test
  void s3WithoutKeys() {
    S3ProxyServer server = S3ProxyServer.get();
    refused(
        "jdbc:statestore:s3://"
            + server.newBucket()
            + "/p?s3.endpoint_url="
            + CloudUrls.encode(server.endpoint().toString())
            + "&s3.region=us-east-1&fallback_dir="
            + CloudUrls.encode(dir.toString()));
  }

  @Test
  void azureWithoutConnectionString(AzuriteServer azurite) {
    refused(
        "jdbc:statestore:azure://"
            + azurite.createContainer("nocreds")
            + "/p?fallback_dir="
            + CloudUrls.encode(dir.toString()));
  }

  @Test
  void gsWithoutTheRequiredAccount() throws Exception {
    try (FakeGcsServer server = FakeGcsServer.start()) {
      server.requireAccounts("someone@fake-project.iam.gserviceaccount.com");
      refused(
          "jdbc:statestore:"
              + server.storeUri(server.newBucket("nocreds"), "p")
              + "&fallback_dir="
              + CloudUrls.encode(dir.toString()));
    }
  }
}
