package io.statestore.bundle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.statestore.backend.gcs.FakeGcsServer;
import java.net.ServerSocket;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Properties;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The jars a SQL client picks from: the driver jar (file and systemdb stores, no cloud SDK, no
 * command line) alone, and with each cloud add-on beside it, each loaded the way a SQL client loads
 * driver jars: one class loader over exactly those jars.
 */
class DriverJarIT {
  @TempDir Path dir;

  @Test
  void driverJarHoldsTheLocalStoresAndNoCloudSdkOrCommandLine() throws Exception {
    Path driver = BundleJar.attached("driver");
    List<String> entries;
    try (JarFile jar = new JarFile(driver.toFile())) {
      entries = jar.stream().map(e -> e.getName()).collect(Collectors.toList());
    }
    for (String needed :
        List.of(
            "io/statestore/jdbc/StatestoreDriver.class",
            "io/statestore/backend/file/",
            "io/statestore/backend/systemdb/",
            "org/h2/Driver.class",
            "org/sqlite/JDBC.class",
            "org/postgresql/Driver.class")) {
      assertTrue(entries.stream().anyMatch(e -> e.startsWith(needed)), needed);
    }
    for (String absent :
        List.of(
            "software/amazon/",
            "com/azure/",
            "com/google/cloud/",
            "io/grpc/",
            "io/statestore/cli/",
            "io/statestore/server/",
            "io/statestore/shaded/picocli/",
            "org/jline/")) {
      assertFalse(entries.stream().anyMatch(e -> e.startsWith(absent)), absent);
    }
    Files.writeString(
        BundleJar.path().resolveSibling("driver-jar-sizes.txt"),
        sizes(driver, "s3", "azure", "gcs"),
        StandardCharsets.UTF_8);
  }

  @Test
  void driverJarAloneRunsSqlOnFileAndSqliteStoresAndNamesTheAddOnForClouds() throws Exception {
    try (URLClassLoader loader = BundleJar.isolatedLoader(BundleJar.attached("driver"))) {
      Driver driver = BundleJar.driver(loader);
      for (String url :
          List.of(
              "jdbc:statestore:file://" + dir.toAbsolutePath().resolve("files"),
              "jdbc:statestore:systemdb:jdbc:sqlite:"
                  + dir.toAbsolutePath().resolve("own.db")
                  + "?systemdb.create_table=true")) {
        try (Connection c = driver.connect(url, new Properties());
            Statement s = c.createStatement()) {
          s.executeUpdate(
              "INSERT INTO state (state_id, body) VALUES ('dev:a', '{\"completed\": {\"n\": 1}}')");
          try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM state")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), url);
          }
        }
      }
      SQLException e =
          assertThrows(
              SQLException.class,
              () -> driver.connect("jdbc:statestore:gs://bucket/prefix", new Properties()).close());
      assertTrue(
          e.getMessage().contains("statestore-jdbc-bundle-<version>-gcs.jar"), e.getMessage());
    }
  }

  @Test
  void theCloudStorageAddOnAddsGsToTheDriverJar() throws Exception {
    FakeGcsServer server = FakeGcsServer.shared();
    String url = "jdbc:statestore:" + server.storeUri(server.newBucket("addon"), "meltano/state");
    try (URLClassLoader loader =
            BundleJar.isolatedLoader(BundleJar.attached("driver"), BundleJar.attached("gcs"));
        Connection c = BundleJar.driver(loader).connect(url, new Properties());
        Statement s = c.createStatement()) {
      s.executeUpdate(
          "INSERT INTO state (state_id, body) VALUES ('dev:a', '{\"completed\": {\"n\": 1}}')");
      try (ResultSet rs = s.executeQuery("SELECT body FROM state WHERE state_id = 'dev:a'")) {
        assertTrue(rs.next());
        assertEquals("{\"completed\": {\"n\": 1}, \"partial\": {}}", rs.getString(1));
      }
    }
  }

  /**
   * The S3 and Azure add-ons build their SDK clients from the driver jar's shaded libraries and
   * send a request: against a closed port it fails as a connection error, not a class loading one.
   */
  @Test
  void theS3AndAzureAddOnsLoadTheirSdksBesideTheDriverJar() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    Properties s3 = new Properties();
    s3.setProperty("s3.aws_access_key_id", "AKIDEXAMPLE");
    s3.setProperty("s3.aws_secret_access_key", "example-secret");
    s3.setProperty("s3.region", "us-east-1");
    s3.setProperty("s3.endpoint_url", "http://127.0.0.1:" + port);
    assertConnectionError("s3", "jdbc:statestore:s3://bucket/prefix", s3);
    Properties azure = new Properties();
    azure.setProperty(
        "azure.connection_string",
        "DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey="
            + "YXp1cmUtZXhhbXBsZS1rZXk=;BlobEndpoint=http://127.0.0.1:"
            + port
            + "/devstoreaccount1;");
    assertConnectionError("azure", "jdbc:statestore:azure://container/prefix", azure);
  }

  private static void assertConnectionError(String addOn, String url, Properties props)
      throws Exception {
    BundleJar.assertConnectionError(
        url, props, "example-secret", BundleJar.attached("driver"), BundleJar.attached(addOn));
  }

  private static String sizes(Path driver, String... addOns) throws Exception {
    StringBuilder out = new StringBuilder();
    out.append(driver.getFileName()).append(' ').append(Files.size(driver)).append('\n');
    for (String a : addOns) {
      Path jar = BundleJar.attached(a);
      out.append(jar.getFileName()).append(' ').append(Files.size(jar)).append('\n');
    }
    return out.toString();
  }
}
