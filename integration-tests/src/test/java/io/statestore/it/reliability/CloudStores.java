package io.statestore.it.reliability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.statestore.backend.azure.AzuriteServer;
import io.statestore.backend.gcs.FakeGcsServer;
import io.statestore.backend.s3.S3ProxyServer;
import io.statestore.it.CloudUrls;
import io.statestore.jdbc.reliability.StoreFixture;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/** Fixtures for the reliability contracts on the cloud stores' emulators. */
public final class CloudStores {
  /** A secret key the S3 emulator refuses. */
  static final String WRONG_S3_SECRET = "Wrong-S3-Secret-0451";

  /** An account key (base64) Azurite refuses. */
  static final String WRONG_AZURE_KEY = "V3JvbmctQXp1cml0ZS1LZXktMDQ1MQ==";

  private CloudStores() {}

  /** A store's URL and secrets, with the credentials given as properties when there are any. */
  private record Fixture(
      String url, List<String> secrets, Properties credentials, Optional<Properties> wrong)
      implements StoreFixture {
    static Fixture inUrl(String url, List<String> secrets) {
      return new Fixture(url, secrets, new Properties(), Optional.empty());
    }

    /** A copy each time: a test may add its own settings to it. */
    @Override
    public Properties properties() {
      return (Properties) credentials.clone();
    }

    @Override
    public Optional<Properties> wrongCredentials() {
      return wrong.map(p -> (Properties) p.clone());
    }
  }

  /** One property holding a credential. */
  private static Properties property(String key, String value) {
    Properties p = new Properties();
    p.setProperty(key, value);
    return p;
  }

  /**
   * A fresh store of a kind ({@code s3}, {@code azure} or {@code gs}) under {@code prefix} on its
   * emulator; see {@link io.statestore.it.OnEachCloudStore}.
   */
  public static StoreFixture of(String kind, String prefix) {
    return switch (kind) {
      case "s3" -> s3(prefix);
      case "azure" -> azure(io.statestore.it.CloudUrls.azurite(), prefix);
      case "gs" -> gs(prefix);
      default -> throw new IllegalArgumentException("no cloud store of kind " + kind);
    };
  }

  /** A fresh bucket on the shared Cloud Storage fake (no credentials: it is an emulator). */
  public static StoreFixture gs(String prefix) {
    FakeGcsServer server = FakeGcsServer.shared();
    String url = "jdbc:statestore:" + server.storeUri(server.newBucket("rel"), prefix);
    return () -> url;
  }

  /**
   * A fresh bucket on a Cloud Storage fake of its own that requires a service account's token; the
   * key file's path is the setting {@code gcs.application_credentials}, and both the path and the
   * key it holds are secrets. The wrong credentials are another account's key file.
   */
  public static StoreFixture gsWithServiceAccount(FakeGcsServer server, Path dir, String prefix)
      throws IOException {
    server.requireAccounts("statestore@fake-project.iam.gserviceaccount.com");
    Path key =
        server.writeServiceAccountKey(dir, "statestore@fake-project.iam.gserviceaccount.com");
    Path other =
        server.writeServiceAccountKey(dir, "intruder@fake-project.iam.gserviceaccount.com");
    List<String> secrets = new ArrayList<>();
    for (Path file : List.of(key, other)) {
      secrets.add(file.toString());
      secrets.add(file.getFileName().toString());
      JsonNode json = new ObjectMapper().readTree(file.toFile());
      secrets.add(json.get("private_key_id").asText());
      String pem = json.get("private_key").asText();
      // Any line of the private key's base64 body.
      for (String line : pem.split("\n")) {
        if (!line.startsWith("-----") && line.length() > 20) {
          secrets.add(line);
        }
      }
    }
    String url = "jdbc:statestore:" + server.storeUri(server.newBucket("rel"), prefix);
    String setting = "gcs.application_credentials";
    return new Fixture(
        url,
        secrets,
        property(setting, key.toString()),
        Optional.of(property(setting, other.toString())));
  }

  private static List<String> s3Secrets() {
    return List.of(
        S3ProxyServer.SECRET_KEY, CloudUrls.encode(S3ProxyServer.SECRET_KEY), WRONG_S3_SECRET);
  }

  private static List<String> azureSecrets() {
    return List.of(
        AzuriteServer.KEY,
        CloudUrls.encode(AzuriteServer.KEY),
        WRONG_AZURE_KEY,
        CloudUrls.encode(WRONG_AZURE_KEY));
  }

  /** A fresh S3 bucket, the keys in the URI's user info ({@code key:secret@}). */
  public static StoreFixture s3(String prefix) {
    return Fixture.inUrl(CloudUrls.s3(prefix), s3Secrets());
  }

  /** A fresh S3 bucket, the keys given as the {@code s3.aws_*} settings. */
  public static StoreFixture s3WithKeySettings(String prefix) {
    S3ProxyServer server = S3ProxyServer.get();
    String url =
        "jdbc:statestore:s3://"
            + server.newBucket()
            + "/"
            + prefix
            + "?s3.endpoint_url="
            + CloudUrls.encode(server.endpoint().toString())
            + "&s3.region=us-east-1";
    return new Fixture(
        url, s3Secrets(), keys(S3ProxyServer.SECRET_KEY), Optional.of(keys(WRONG_S3_SECRET)));
  }

  private static Properties keys(String secret) {
    Properties p = property("s3.aws_access_key_id", S3ProxyServer.ACCESS_KEY);
    p.setProperty("s3.aws_secret_access_key", secret);
    return p;
  }

  /** A fresh Azurite container, the connection string in the URL's query. */
  public static StoreFixture azure(AzuriteServer server, String prefix) {
    return Fixture.inUrl(CloudUrls.azure(server, prefix), azureSecrets());
  }

  /** A fresh Azurite container, the connection string given as a property. */
  public static StoreFixture azureWithProperty(AzuriteServer server, String prefix) {
    String url = "jdbc:statestore:azure://" + server.createContainer("rel") + "/" + prefix;
    String setting = "azure.connection_string";
    return new Fixture(
        url,
        azureSecrets(),
        property(setting, server.connectionString()),
        Optional.of(property(setting, server.connectionString(WRONG_AZURE_KEY))));
  }
}
