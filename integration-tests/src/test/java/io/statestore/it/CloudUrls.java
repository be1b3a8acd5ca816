package io.statestore.it;

import io.statestore.backend.azure.AzuriteServer;
import io.statestore.backend.gcs.FakeGcsServer;
import io.statestore.backend.s3.S3ProxyServer;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** JDBC URLs of fresh, empty stores on the emulators, written as a user would write them. */
public final class CloudUrls {
  private static volatile AzuriteServer azurite;

  private CloudUrls() {}

  /** The run's Azurite, for {@link #of} and {@link #azurite()}; see {@link OnEachCloudStore}. */
  static void azurite(AzuriteServer server) {
    azurite = server;
  }

  /** The run's Azurite, once a class on {@link OnEachCloudStore} has started. */
  public static AzuriteServer azurite() {
    return azurite;
  }

  /**
   * The URL of a fresh store of a kind ({@code s3}, {@code azure} or {@code gs}) under {@code
   * prefix} on its emulator.
   */
  public static String of(String kind, String prefix) {
    return switch (kind) {
      case "s3" -> s3(prefix);
      case "azure" -> azure(azurite, prefix);
      case "gs" -> gcs(prefix);
      default -> throw new IllegalArgumentException("no cloud store of kind " + kind);
    };
  }

  /**
   * A fresh bucket on the S3 emulator, the keys in the URI's user-info ({@code key:secret@},
   * URL-encoded) and the endpoint as a query setting.
   */
  public static String s3(String prefix) {
    S3ProxyServer server = S3ProxyServer.get();
    return "jdbc:statestore:s3://"
        + encode(S3ProxyServer.ACCESS_KEY)
        + ":"
        + encode(S3ProxyServer.SECRET_KEY)
        + "@"
        + server.newBucket()
        + "/"
        + prefix
        + "?s3.endpoint_url="
        + encode(server.endpoint().toString())
        + "&s3.region=us-east-1";
  }

  /** A fresh container on Azurite, the connection string as a query setting. */
  public static String azure(AzuriteServer server, String prefix) {
    return "jdbc:statestore:azure://"
        + server.createContainer("it")
        + "/"
        + prefix
        + "?azure.connection_string="
        + encode(server.connectionString());
  }

  /**
   * A fresh bucket on the Cloud Storage test server (a fake of the JSON API; no GCS emulator that
   * honours preconditions installs from Maven Central or npm), its endpoint as a query setting.
   */
  public static String gcs(String prefix) {
    FakeGcsServer server = FakeGcsServer.shared();
    return "jdbc:statestore:" + server.storeUri(server.newBucket("it"), prefix);
  }

  /** Form-encodes a query or user-info value. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
