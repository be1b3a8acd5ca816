package io.statestore.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.statestore.backend.gcs.FakeGcsServer;
import java.net.URLClassLoader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * {@code gs://} through the bundle jar alone, against the Cloud Storage fake: the client talks to
 * the JSON API over HTTP, so the bundle needs none of the SDK's gRPC transport, which it leaves
 * out.
 */
class BundleCloudStorageIT {
  @Test
  void writesReadsAndDeletesStatesOverTheJsonApi() throws Exception {
    FakeGcsServer server = FakeGcsServer.shared();
    String url = "jdbc:statestore:" + server.storeUri(server.newBucket("bundle"), "meltano/state");
    try (URLClassLoader loader = BundleJar.isolatedLoader();
        Connection c = BundleJar.driver(loader).connect(url, new Properties())) {
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO state (state_id, body) VALUES (?, ?)")) {
        for (String id : List.of("dev:tap-a", "dev:tap-b", "prod:tap-a")) {
          insert.setString(1, id);
          insert.setString(2, "{\"completed\": {\"at\": \"" + id + "\"}, \"partial\": {}}");
          insert.executeUpdate();
        }
      }
      try (Statement s = c.createStatement()) {
        assertEquals(
            1,
            s.executeUpdate(
                "UPDATE state SET body = '{\"completed\": {\"at\": \"again\"}}'"
                    + " WHERE state_id = 'dev:tap-b'"));
        assertEquals(1, s.executeUpdate("DELETE FROM state WHERE state_id = 'prod:tap-a'"));
        List<String> rows = new ArrayList<>();
        try (ResultSet rs =
            s.executeQuery(
                "SELECT state_id, JSON_VALUE(body, '$.completed.at') FROM state"
                    + " WHERE state_id LIKE 'dev:%'")) {
          while (rs.next()) {
            rows.add(rs.getString(1) + "=" + rs.getString(2));
          }
        }
        assertEquals(List.of("dev:tap-a=dev:tap-a", "dev:tap-b=again"), rows);
        try (ResultSet rs = s.executeQuery("SELECT state_id FROM locks")) {
          assertFalse(rs.next(), "every lock released");
        }
      }
    }
  }
}
