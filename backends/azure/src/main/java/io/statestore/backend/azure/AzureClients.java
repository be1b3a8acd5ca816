package io.statestore.backend.azure;

import com.azure.core.http.HttpClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import com.azure.storage.common.policy.RequestRetryOptions;
import com.azure.storage.common.policy.RetryPolicyType;
import io.statestore.core.objectstore.ObjectStoreLocation;
import io.statestore.spi.ErrorKind;
import io.statestore.spi.StateStoreException;
import java.net.URI;

/**
 * Builds the one {@link BlobContainerClient} of a store from its connection string, on the JDK's
 * HttpClient, with modest retries. Building makes no network call.
 */
final class AzureClients {
  private AzureClients() {}

  /**
   * Builds the client of a store's container.
   *
   * @throws StateStoreException {@link ErrorKind#INVALID_CONFIGURATION} naming where the connection
   *     string came from when the SDK refuses it
   */
  static BlobContainerClient container(
      AzureCredentials credentials, ObjectStoreLocation location, AzureClientOptions options) {
    HttpClient http = new JavaNetHttpClient(options.connectTimeout(), options.tryTimeout());
    RequestRetryOptions retries =
        new RequestRetryOptions(
            RetryPolicyType.EXPONENTIAL,
            options.maxTries(),
            // One attempt may take its connection and then its answer.
            options.connectTimeout().plus(options.tryTimeout()),
            options.retryDelay(),
            options.maxRetryDelay(),
            null);
    try {
      return new BlobContainerClientBuilder()
          .connectionString(credentials.connectionString())
          .containerName(location.container())
          .httpClient(http)
          .retryOptions(retries)
          .addPolicy(new AttemptCounter())
          .buildClient();
    } catch (RuntimeException e) {
      throw new StateStoreException(
          ErrorKind.INVALID_CONFIGURATION,
          "The Azure connection string from "
              + credentials.source()
              + " is not valid for "
              + location.describe()
              + " (expected e.g. DefaultEndpointsProtocol=https;AccountName=<account>;"
              + "AccountKey=<key>;EndpointSuffix=core.windows.net)",
          e);
    }
  }

  /** The blob service endpoint of a client, {@code scheme://host[:port]/path}, without a query. */
  static String endpoint(BlobContainerClient container) {
    try {
      URI url = URI.create(container.getBlobContainerUrl());
      String path = url.getRawPath() == null ? "" : url.getRawPath();
      int slash = path.lastIndexOf('/');
      String service = slash > 0 ? path.substring(0, slash) : "";
      return url.getScheme() + "://" + url.getRawAuthority() + service;
    } catch (IllegalArgumentException e) {
      return "the endpoint of the connection string";
    }
  }
}
