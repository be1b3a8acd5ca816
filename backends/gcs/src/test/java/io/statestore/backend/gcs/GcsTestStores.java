package io.statestore.backend.gcs;

import com.google.auth.oauth2.AccessToken;
import com.google.auth.oauth2.GoogleCredentials;
import io.statestore.core.StateStores;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.Environment;
import io.statestore.spi.Settings;
import io.statestore.spi.StoreLocation;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * One fake Cloud Storage server for the test run, and backends opened on it the way the provider
 * opens them, with explicit settings and environment.
 */
final class GcsTestStores {
  private GcsTestStores() {}

  /** The run's server, started on first use and stopped when the JVM exits. */
  static FakeGcsServer server() {
    return FakeGcsServer.shared();
  }

  /** Settings with explicit values and a fixed environment. */
  static Settings settings(Map<String, String> values, Map<String, String> environment) {
    return new Settings(
        StateStores.definitions(new GcsBackendProvider()), values, Environment.of(environment));
  }

  /**
   * Application Default Credentials that are never looked for: a fixed token, so a test that falls
   * through to them never asks a metadata server.
   */
  static ApplicationDefaultCredentials fixedAdc(String token) {
    return () -> GoogleCredentials.create(new AccessToken(token, null));
  }

  /** No Application Default Credentials at all. */
  static ApplicationDefaultCredentials noAdc() {
    return () -> {
      throw new IOException("no application default credentials in tests");
    };
  }

  /** A backend on {@code gs://bucket/prefix} of the run's server, without credentials. */
  static ObjectStoreBackend open(String bucket, String prefix, GcsClientOptions options) {
    return open(bucket, prefix, Map.of(), Map.of(), options);
  }

  /** A backend on {@code gs://bucket/prefix} of the run's server with more settings. */
  static ObjectStoreBackend open(
      String bucket,
      String prefix,
      Map<String, String> settings,
      Map<String, String> environment,
      GcsClientOptions options) {
    Map<String, String> values = new HashMap<>(settings);
    values.putIfAbsent(GcsSettings.ENDPOINT.key(), server().endpoint());
    values.putIfAbsent(GcsSettings.PROJECT.key(), "test");
    return GcsBackendProvider.open(
        StoreLocation.parse("gs://" + bucket + (prefix.isEmpty() ? "" : "/" + prefix)),
        settings(values, environment),
        options,
        noAdc());
  }
}
