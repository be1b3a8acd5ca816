package io.statestore.backend.azure;

import com.azure.core.http.rest.PagedResponse;
import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobDownloadHeaders;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobItem;
import com.azure.storage.blob.models.BlobProperties;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.models.ListBlobsOptions;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
import io.statestore.core.objectstore.ObjectStoreClient;
import io.statestore.spi.Precondition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;

/**
 * The requests of an Azure Blob Storage container: Get Blob, Get Blob Properties, Put Blob (one
 * request, never staged blocks, so atomic for readers) with {@code If-None-Match: *} or {@code
 * If-Match: <etag>}, Delete Blob with {@code If-Match}, and List Blobs flat by page. Versions are
 * ETags; Azure reports each blob's Content-MD5. Blobs have content type {@code application/json}.
 * One {@link BlobContainerClient}, built when the store is opened, serves every thread; its
 * pipeline counts attempts ({@link AttemptCounter}), so that a condition failed by a retry of our
 * own request is told apart.
 */
final class AzureStoreClient implements ObjectStoreClient {
  private static final String CONTENT_TYPE = "application/json";
  private static final AzureFailures FAILURES = AzureFailures.INSTANCE;

  private final BlobContainerClient container;

  AzureStoreClient(BlobContainerClient container) {
    this.container = container;
  }

  @Override
  public Optional<Fetched> get(String key) {
    try {
      BlobDownloadContentResponse r =
          blob(key).downloadContentWithResponse(null, null, null, Context.NONE);
      BlobDownloadHeaders headers = r.getDeserializedHeaders();
      return Optional.of(
          Fetched.of(
              r.getValue().toBytes(), instant(headers.getLastModified()), headers.getETag()));
    } catch (RuntimeException e) {
      if (FAILURES.isBlobNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Head> head(String key) {
    try {
      BlobProperties p = blob(key).getPropertiesWithResponse(null, null, Context.NONE).getValue();
      byte[] md5 = p.getContentMd5();
      return Optional.of(
          new Head(p.getETag(), md5 == null ? null : HexFormat.of().formatHex(md5), null));
    } catch (RuntimeException e) {
      if (FAILURES.isBlobNotFound(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Put put(String key, Write write, Precondition precondition) {
    BlobRequestConditions conditions = new BlobRequestConditions();
    if (precondition instanceof Precondition.Absent) {
      conditions.setIfNoneMatch("*");
    } else if (precondition instanceof Precondition.Matches m) {
      conditions.setIfMatch(m.version().token());
    }
    BlockBlobSimpleUploadOptions options =
        new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(write.content()))
            .setHeaders(new BlobHttpHeaders().setContentType(CONTENT_TYPE))
            .setRequestConditions(conditions);
    Context context = AttemptCounter.newContext();
    try {
      BlockBlobItem item =
          blob(key).getBlockBlobClient().uploadWithResponse(options, null, context).getValue();
      return Put.done(item.getETag());
    } catch (RuntimeException e) {
      boolean retried = AttemptCounter.attempts(context) > 1;
      if (precondition instanceof Precondition.Absent && FAILURES.isAlreadyThere(e)) {
        return Put.refused(retried);
      }
      if (precondition instanceof Precondition.Matches
          && (FAILURES.isConditionNotMet(e) || FAILURES.isBlobNotFound(e))) {
        return Put.refused(retried);
      }
      throw e;
    }
  }

  @Override
  public Delete delete(String key, Precondition precondition) {
    BlobRequestConditions conditions = null;
    if (precondition instanceof Precondition.Matches m) {
      conditions = new BlobRequestConditions().setIfMatch(m.version().token());
    }
    Context context = AttemptCounter.newContext();
    try {
      blob(key).deleteWithResponse(null, conditions, null, context);
      return Delete.done();
    } catch (RuntimeException e) {
      boolean retried = AttemptCounter.attempts(context) > 1;
      if (FAILURES.isBlobNotFound(e)) {
        return Delete.missing(retried);
      }
      if (conditions != null && FAILURES.isConditionNotMet(e)) {
        return Delete.refused(retried);
      }
      throw e;
    }
  }

  @Override
  public Page list(String keyPrefix, String pageToken, int pageSize) {
    ListBlobsOptions options =
        new ListBlobsOptions().setPrefix(keyPrefix).setMaxResultsPerPage(pageSize);
    Iterator<PagedResponse<BlobItem>> pages =
        container.listBlobs(options, pageToken, null).iterableByPage().iterator();
    if (!pages.hasNext()) {
      return new Page(List.of(), null);
    }
    PagedResponse<BlobItem> page = pages.next();
    List<Entry> entries = new ArrayList<>();
    for (BlobItem blob : page.getValue()) {
      if (Boolean.TRUE.equals(blob.isPrefix()) || blob.isDeleted()) {
        continue;
      }
      OffsetDateTime modified =
          blob.getProperties() == null ? null : blob.getProperties().getLastModified();
      entries.add(new Entry(blob.getName(), instant(modified)));
    }
    return new Page(entries, page.getContinuationToken());
  }

  @Override
  public void close() {
    // The container client holds no resources of its own to release.
  }

  private BlobClient blob(String key) {
    return container.getBlobClient(key);
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
