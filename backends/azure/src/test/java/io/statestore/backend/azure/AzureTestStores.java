package io.statestore.backend.azure;

import com.azure.core.http.policy.HttpPipelinePolicy;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.statestore.core.StateStores;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.Environment;
import io.statestore.spi.Settings;
import io.statestore.spi.StoreLocation;
import java.time.Duration;
import java.util.Map;

/** Opens backends on Azurite the way the provider does, with explicit settings and environment. */
final class AzureTestStores {
  private AzureTestStores() {}

  /** Settings with explicit values and a fixed environment. */
  static Settings settings(Map<String, String> values, Map<String, String> environment) {
    return new Settings(
        StateStores.definitions(new AzureBackendProvider()), values, Environment.of(environment));
  }

  /** A backend on {@code azure://container/prefix} with the development account's key. */
  static ObjectStoreBackend open(
      AzuriteServer azurite, String container, String prefix, AzureClientOptions options) {
    return AzureBackendProvider.open(
        StoreLocation.parse("azure://" + container + (prefix.isEmpty() ? "" : "/" + prefix)),
        settings(
            Map.of(AzureSettings.CONNECTION_STRING.key(), azurite.connectionString()), Map.of()),
        options);
  }

  /**
   * A backend on {@code azure://container/state} whose client runs {@code policies} on every
   * request, after the attempt counter, with three quick fixed-interval retries.
   */
  static ObjectStoreBackend withPolicies(
      AzuriteServer azurite, String container, HttpPipelinePolicy... policies) {
    BlobContainerClientBuilder builder =
        new BlobContainerClientBuilder()
            .connectionString(azurite.connectionString())
            .containerName(container)
            .httpClient(new JavaNetHttpClient(Duration.ofSeconds(10), Duration.ofSeconds(60)))
            .retryOptions(
                new RequestRetryOptions(
                    RetryPolicyType.FIXED,
                    3,
                    Duration.ofSeconds(30),
                    Duration.ofMillis(10),
                    Duration.ofMillis(10),
                    null))
            .addPolicy(new AttemptCounter());
    for (HttpPipelinePolicy policy : policies) {
      builder.addPolicy(policy);
    }
    BlobContainerClient client = builder.buildClient();
    return AzureBackendProvider.backend(
        client,
        AzureBackendProvider.location(StoreLocation.parse("azure://" + container + "/state")),
        azurite.blobEndpoint(),
        "a test",
        AzureClientOptions.defaults().pageSize());
  }
}
