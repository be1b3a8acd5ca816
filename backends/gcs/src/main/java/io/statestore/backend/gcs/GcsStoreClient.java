package io.statestore.backend.gcs;

import com.google.cloud.storage.Blob;
import com.google.cloud.storage.BlobId;
import com.google.cloud.storage.BlobInfo;
import com.google.cloud.storage.Storage;
import com.google.cloud.storage.Storage.BlobField;
import com.google.cloud.storage.Storage.BlobGetOption;
import com.google.cloud.storage.Storage.BlobListOption;
import com.google.cloud.storage.Storage.BlobSourceOption;
import com.google.cloud.storage.Storage.BlobTargetOption;
import io.statestore.core.objectstore.ObjectKeyLayout;
import io.statestore.core.objectstore.ObjectStoreClient;
import io.statestore.spi.Precondition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The requests of a Cloud Storage bucket on the JSON API. Versions are object generations: a
 * create-if-absent is one upload with {@code ifGenerationMatch=0}, a compare-and-set one with
 * {@code ifGenerationMatch=<generation>}, and a conditional delete carries {@code
 * ifGenerationMatch} too. Each upload is a single request, hence atomic for readers, and keeps the
 * write's id in the custom metadata {@value #WRITE_ID}, so that a retried write recognises its own
 * earlier attempt by id, not by bytes another writer may also have written. A read fetches the
 * object's metadata, then the body of exactly that generation, so content and version always belong
 * together. One {@link Storage} client, built when the store is opened, serves every thread; {@link
 * AttemptCounter} counts the SDK's attempts.
 */
final class GcsStoreClient implements ObjectStoreClient {
  private static final Logger LOG = LoggerFactory.getLogger(GcsStoreClient.class);
  private static final String CONTENT_TYPE = "application/json";

  /** The custom metadata key holding the id of the write that stored an object's generation. */
  static final String WRITE_ID = "statestore-write-id";

  private final Storage storage;
  private final String bucket;
  private final String rootPrefix;
  private final AtomicBoolean bucketSeen = new AtomicBoolean();

  /**
   * @param layout the store's layout, whose root is listed once to check that the bucket exists
   */
  GcsStoreClient(Storage storage, String bucket, ObjectKeyLayout layout) {
    this.storage = storage;
    this.bucket = bucket;
    this.rootPrefix = layout.listPrefix("");
  }

  @Override
  public Optional<Fetched> get(String key) {
    Blob meta = storage.get(id(key), BlobGetOption.fields(BlobField.GENERATION, BlobField.UPDATED));
    if (meta == null || meta.getGeneration() == null) {
      checkBucket();
      return Optional.empty();
    }
    long generation = meta.getGeneration();
    try {
      byte[] content = storage.readAllBytes(BlobId.of(bucket, key, generation));
      return Optional.of(
          Fetched.of(
              content, instant(meta.getUpdateTimeOffsetDateTime()), Long.toString(generation)));
    } catch (RuntimeException e) {
      if (GcsFailures.INSTANCE.status(e) != 404) {
        throw e;
      }
      // That generation was replaced or deleted between the two requests.
      return Optional.of(Fetched.replacedWhileRead());
    }
  }

  @Override
  public Optional<Head> head(String key) {
    Blob meta =
        storage.get(
            id(key),
            BlobGetOption.fields(BlobField.GENERATION, BlobField.METADATA, BlobField.MD5HASH));
    if (meta == null || meta.getGeneration() == null) {
      checkBucket();
      return Optional.empty();
    }
    String md5 = meta.getMd5();
    Map<String, String> metadata = meta.getMetadata();
    return Optional.of(
        new Head(
            Long.toString(meta.getGeneration()),
            md5 == null ? null : HexFormat.of().formatHex(Base64.getDecoder().decode(md5)),
            metadata == null ? null : metadata.get(WRITE_ID)));
  }

  @Override
  public Put put(String key, Write write, Precondition precondition) {
    BlobInfo info =
        BlobInfo.newBuilder(id(key))
            .setContentType(CONTENT_TYPE)
            .setMetadata(Map.of(WRITE_ID, write.writeId()))
            .build();
    BlobTargetOption[] options = new BlobTargetOption[0];
    if (precondition instanceof Precondition.Absent) {
      options = new BlobTargetOption[] {BlobTargetOption.doesNotExist()};
    } else if (precondition instanceof Precondition.Matches m) {
      Optional<Long> generation = generation(m);
      if (generation.isEmpty()) {
        return Put.refused(false);
      }
      options = new BlobTargetOption[] {BlobTargetOption.generationMatch(generation.get())};
    }
    AttemptCounter.start();
    try {
      Blob blob = storage.create(info, write.content(), options);
      AttemptCounter.stop();
      Long generation = blob == null ? null : blob.getGeneration();
      return Put.done(generation == null ? null : Long.toString(generation));
    } catch (RuntimeException e) {
      int attempts = AttemptCounter.stop();
      if (GcsFailures.INSTANCE.status(e) == 412 && !(precondition instanceof Precondition.None)) {
        return Put.refused(attempts > 1);
      }
      throw e;
    }
  }

  @Override
  public Delete delete(String key, Precondition precondition) {
    BlobSourceOption[] options = new BlobSourceOption[0];
    if (precondition instanceof Precondition.Matches m) {
      Optional<Long> generation = generation(m);
      if (generation.isEmpty()) {
        return Delete.refused(false);
      }
      options = new BlobSourceOption[] {BlobSourceOption.generationMatch(generation.get())};
    }
    AttemptCounter.start();
    boolean deleted;
    int attempts;
    try {
      deleted = storage.delete(id(key), options);
      attempts = AttemptCounter.stop();
    } catch (RuntimeException e) {
      attempts = AttemptCounter.stop();
      if (options.length > 0 && GcsFailures.INSTANCE.status(e) == 412) {
        return Delete.refused(attempts > 1);
      }
      throw e;
    }
    if (deleted) {
      return Delete.done();
    }
    // The SDK answers false for a missing bucket as for a missing object.
    checkBucket();
    return Delete.missing(attempts > 1);
  }

  @Override
  public Page list(String keyPrefix, String pageToken, int pageSize) {
    List<BlobListOption> options = new ArrayList<>();
    options.add(BlobListOption.prefix(keyPrefix));
    options.add(BlobListOption.pageSize(pageSize));
    options.add(BlobListOption.fields(BlobField.NAME, BlobField.UPDATED));
    if (pageToken != null) {
      options.add(BlobListOption.pageToken(pageToken));
    }
    com.google.api.gax.paging.Page<Blob> page =
        storage.list(bucket, options.toArray(new BlobListOption[0]));
    List<Entry> entries = new ArrayList<>();
    for (Blob blob : page.getValues()) {
      entries.add(new Entry(blob.getName(), instant(blob.getUpdateTimeOffsetDateTime())));
    }
    return new Page(entries, page.hasNextPage() ? page.getNextPageToken() : null);
  }

  @Override
  public boolean keepsWriteIds() {
    return true;
  }

  /**
   * Makes sure the bucket exists once per store, after an answer that does not tell a missing
   * bucket from a missing object; a missing one fails with the SDK's 404.
   */
  private void checkBucket() {
    if (bucketSeen.get()) {
      return;
    }
    storage.list(
        bucket,
        BlobListOption.pageSize(1),
        BlobListOption.prefix(rootPrefix),
        BlobListOption.fields(BlobField.NAME));
    bucketSeen.set(true);
  }

  @Override
  public void close() {
    try {
      storage.close();
    } catch (Exception e) {
      LOG.debug("Closing the Cloud Storage client of bucket {} failed", bucket, e);
    }
  }

  private BlobId id(String key) {
    return BlobId.of(bucket, key);
  }

  private static Optional<Long> generation(Precondition.Matches m) {
    try {
      return Optional.of(Long.parseLong(m.version().token()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
