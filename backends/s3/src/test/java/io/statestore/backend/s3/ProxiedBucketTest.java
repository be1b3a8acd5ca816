package io.statestore.backend.s3;

import io.statestore.core.objectstore.ObjectStoreBackend;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A test against a fresh bucket of the shared S3Proxy, reached through the fault-injecting {@link
 * WriteSerializingProxy}; skipped where the proxy is not running. Each test's faults are cleared
 * after it by {@link #clearFaults(WriteSerializingProxy)}.
 */
abstract class ProxiedBucketTest {
  protected S3ProxyServer server;
  protected WriteSerializingProxy proxy;
  protected S3Client admin;
  protected String bucket;

  @BeforeEach
  void freshBucket() {
    server = S3ProxyServer.get();
    proxy = server.proxy();
    Assumptions.assumeTrue(proxy != null, "needs the proxy in front of S3Proxy");
    admin = server.admin();
    bucket = server.newBucket();
  }

  @AfterEach
  void asBefore() {
    if (proxy != null) {
      clearFaults(proxy);
    }
  }

  /** Undoes what the test set on the proxy. */
  protected abstract void clearFaults(WriteSerializingProxy proxy);

  /** A backend on the fresh bucket, through the proxy, listing 1,000 keys a page. */
  protected ObjectStoreBackend open() {
    return server.open("s3://" + bucket, Map.of(), 1000);
  }
}
