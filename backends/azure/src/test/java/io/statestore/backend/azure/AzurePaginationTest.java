package io.statestore.backend.azure;

import com.azure.core.http.HttpPipelineCallContext;
import com.azure.core.http.policy.HttpPipelineSyncPolicy;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.BlobContainerClientBuilder;
import io.statestore.core.objectstore.ObjectStoreBackend;
import io.statestore.spi.StoreLocation;
import io.statestore.testkit.PagedListingContract;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@link PagedListingContract} on Azurite, counting the List Blobs requests it answers. */
@ExtendWith(AzuriteExtension.class)
class AzurePaginationTest implements PagedListingContract {
  private final AzuriteServer azurite;
  private final AtomicInteger listRequests = new AtomicInteger();
  private String container;
  private ObjectStoreBackend backend;

  AzurePaginationTest(AzuriteServer azurite) {
    this.azurite = azurite;
  }

  @BeforeEach
  void open() {
    container = azurite.createContainer("pages");
    BlobContainerClient client =
        new BlobContainerClientBuilder()
            .connectionString(azurite.connectionString())
            .containerName(container)
            .httpClient(new JavaNetHttpClient(Duration.ofSeconds(10), Duration.ofSeconds(60)))
            .addPolicy(
                new HttpPipelineSyncPolicy() {
                  @Override
                  protected void beforeSendingRequest(HttpPipelineCallContext context) {
                    String query = context.getHttpRequest().getUrl().getQuery();
                    if (query != null && query.contains("comp=list")) {
                      listRequests.incrementAndGet();
                    }
                  }
                })
            .buildClient();
    backend =
        AzureBackendProvider.backend(
            client,
            AzureBackendProvider.location(StoreLocation.parse("azure://" + container + "/state")),
            azurite.blobEndpoint(),
            "a test",
            PAGE);
  }

  @AfterEach
  void dropContainer() {
    azurite.deleteContainer(container);
  }

  @Override
  public ObjectStoreBackend backend() {
    return backend;
  }

  @Override
  public void resetListRequests() {
    listRequests.set(0);
  }

  @Override
  public int listRequests() {
    return listRequests.get();
  }
}
