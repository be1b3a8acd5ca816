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
import io.statestore.spi.ErrorKind;
import io.statestore.spi.ListedState;
import io.statestore.spi.ObjectKind;
import io.statestore.spi.Precondition;
import io.statestore.spi.StateBackend;
import io.statestore.spi.StateIdRule;
import io.statestore.spi.StateStoreException;
import io.statestore.spi.StoredObject;
import io.statestore.spi.Version;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * States in a Cloud Storage bucket, in Meltano's layout: {@code <prefix>/<state_id>/state.json} and
 * {@code <prefix>/<state_id>/lock}, both with content type {@code application/json}.
 *
 * <p>Versions are object generations. A create-if-absent is one upload with {@code
 * ifGenerationMatch=0} and a compare-and-set one with {@code ifGenerationMatch=<generation>}; a
 * conditional delete carries {@code ifGenerationMatch} too, so the service itself decides races.
 * Each write is a single-request upload, hence atomic for readers. A read fetches the object's
 * metadata, then the body of exactly that generation, so content and version always belong
 * together. One {@link Storage} client, built when the store is opened, serves every thread.
 */
public final class GcsBackend implements StateBackend {
  private static final Logger LOG = LoggerFactory.getLogger(GcsBackend.class);
  private static final String CONTENT_TYPE = "application/json";

  /**
   * How often a read looks again when the generation it found was replaced before its body could be
   * fetched. Cloud Storage accepts about one write per second to one object, so a second look
   * almost always succeeds; the back-off between looks grows from 5 ms to about 0.6 s.
   */
  private static final int READ_ATTEMPTS = 8;

  /**
   * The custom metadata key holding a random id of the write that stored an object's generation, so
   * that a retried conditional write can recognise its own earlier, answered-but-lost attempt.
   */
  static final String WRITE_ID = "statestore-write-id";

  private final Storage storage;
  private final String bucket;
  private final ObjectKeyLayout layout;
  private final GcsErrors errors;
  private final String description;
  private final int pageSize;
  private final AtomicBoolean bucketSeen = new AtomicBoolean();

  GcsBackend(Storage storage, GcsLocation location, GcsErrors errors, GcsClientOptions options) {
    this.storage = storage;
    this.bucket = location.bucket();
    this.layout = new ObjectKeyLayout(location.prefix());
    this.errors = errors;
    this.description = location.describe();
    this.pageSize = options.pageSize();
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    BlobId id = blobId(stateId, kind);
    String action = "reading " + what(stateId, kind);
    for (int attempt = 0; attempt < READ_ATTEMPTS; attempt++) {
      Blob meta;
      try {
        meta = storage.get(id, BlobGetOption.fields(BlobField.GENERATION, BlobField.UPDATED));
      } catch (RuntimeException e) {
        throw errors.translate(e, action);
      }
      if (meta == null || meta.getGeneration() == null) {
        // The SDK answers null for a missing bucket as for a missing object.
        checkBucket(action);
        return Optional.empty();
      }
      long generation = meta.getGeneration();
      try {
        byte[] content = storage.readAllBytes(BlobId.of(bucket, id.getName(), generation));
        OffsetDateTime updated = meta.getUpdateTimeOffsetDateTime();
        return Optional.of(
            new StoredObject(
                content,
                updated == null ? null : updated.toInstant(),
                new Version(Long.toString(generation))));
      } catch (RuntimeException e) {
        if (GcsErrors.status(e) != 404) {
          throw errors.translate(e, action);
        }
        // That generation was replaced or deleted between the two requests: look again.
        LOG.debug("{} changed while being read in {}; reading again", what(stateId, kind), bucket);
        pause(attempt);
      }
    }
    // A concurrency failure like a lost compare-and-set: the caller may simply try again.
    throw new StateStoreException(
        ErrorKind.CONFLICT,
        "Failed "
            + action
            + " in "
            + description
            + ": another writer replaced it "
            + READ_ATTEMPTS
            + " times while it was being read; try again");
  }

  /** Waits a little, more after each attempt, with jitter so that readers fall out of step. */
  private static void pause(int attempt) {
    long millis =
        (5L << attempt) / 2 + ThreadLocalRandom.current().nextLong((5L << attempt) / 2 + 1);
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(ErrorKind.CANCELLED, "Interrupted while reading", e);
    }
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return GcsListing.stream(storage, bucket, layout, kind, prefix, pageSize, errors);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    String writeId = UUID.randomUUID().toString();
    BlobInfo info =
        BlobInfo.newBuilder(blobId(stateId, kind))
            .setContentType(CONTENT_TYPE)
            .setMetadata(Map.of(WRITE_ID, writeId))
            .build();
    BlobTargetOption[] options;
    if (precondition instanceof Precondition.Absent) {
      options = new BlobTargetOption[] {BlobTargetOption.doesNotExist()};
    } else if (precondition instanceof Precondition.Matches m) {
      Optional<Long> generation = generation(m.version());
      if (generation.isEmpty()) {
        throw changed(stateId, kind, null);
      }
      options = new BlobTargetOption[] {BlobTargetOption.generationMatch(generation.get())};
    } else {
      options = new BlobTargetOption[0];
    }
    AttemptCounter.start();
    int attempts = 0;
    try {
      Blob blob = storage.create(info, content, options);
      attempts = AttemptCounter.stop();
      LOG.debug("Wrote {} ({} bytes) in {}", what(stateId, kind), content.length, description);
      return generationOf(blob, stateId, kind);
    } catch (RuntimeException e) {
      attempts = Math.max(attempts, AttemptCounter.stop());
      StateStoreException failure = writeFailure(e, stateId, kind, precondition);
      if (attempts > 1
          && (failure.kind() == ErrorKind.ALREADY_EXISTS || failure.kind() == ErrorKind.CONFLICT)) {
        Optional<Version> own = ownRetriedWrite(stateId, kind, writeId);
        if (own.isPresent()) {
          return own.get();
        }
      }
      throw failure;
    }
  }

  private StateStoreException writeFailure(
      RuntimeException e, String stateId, ObjectKind kind, Precondition precondition) {
    if (GcsErrors.status(e) == 412) {
      if (precondition instanceof Precondition.Absent) {
        return new StateStoreException(
            ErrorKind.ALREADY_EXISTS, what(stateId, kind) + " exists in " + description, e);
      }
      if (precondition instanceof Precondition.Matches) {
        return changed(stateId, kind, e);
      }
    }
    return errors.translate(e, "writing " + what(stateId, kind));
  }

  /**
   * After a conditional write failed on a retry: the generation now stored if it is this very
   * write's (its write id matches), i.e. an earlier attempt succeeded and only its answer was lost.
   * Comparing ids rather than bytes keeps a competitor that wrote the same bytes from passing for
   * us.
   */
  private Optional<Version> ownRetriedWrite(String stateId, ObjectKind kind, String writeId) {
    try {
      Blob now =
          storage.get(
              blobId(stateId, kind),
              BlobGetOption.fields(BlobField.GENERATION, BlobField.METADATA));
      if (now != null
          && now.getMetadata() != null
          && writeId.equals(now.getMetadata().get(WRITE_ID))) {
        LOG.info(
            "A retried write of {} in {} found its own earlier attempt stored; taking it as done",
            what(stateId, kind),
            description);
        return Optional.of(generationOf(now, stateId, kind));
      }
    } catch (RuntimeException e) {
      LOG.debug("Could not check a retried write of {}", what(stateId, kind), e);
    }
    return Optional.empty();
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    BlobSourceOption[] options = new BlobSourceOption[0];
    boolean conditional = precondition instanceof Precondition.Matches;
    if (precondition instanceof Precondition.Matches m) {
      Optional<Long> generation = generation(m.version());
      if (generation.isEmpty()) {
        throw changed(stateId, kind, null);
      }
      options = new BlobSourceOption[] {BlobSourceOption.generationMatch(generation.get())};
    }
    String action = "deleting " + what(stateId, kind);
    AttemptCounter.start();
    boolean deleted;
    int attempts;
    try {
      deleted = storage.delete(blobId(stateId, kind), options);
      attempts = AttemptCounter.stop();
    } catch (RuntimeException e) {
      AttemptCounter.stop();
      if (conditional && GcsErrors.status(e) == 412) {
        throw changed(stateId, kind, e);
      }
      throw errors.translate(e, action);
    }
    if (deleted) {
      LOG.debug("Deleted {} in {}", what(stateId, kind), description);
      return true;
    }
    // The SDK answers false for a missing bucket as for a missing object.
    checkBucket(action);
    if (!conditional) {
      return false;
    }
    if (attempts > 1) {
      // An earlier attempt of ours deleted it; only its answer was lost.
      LOG.info("A retried delete of {} in {} found it gone", what(stateId, kind), description);
      return true;
    }
    throw changed(stateId, kind, null);
  }

  /**
   * Makes sure the bucket exists once per store, after an answer that does not tell a missing
   * bucket from a missing object.
   */
  private void checkBucket(String action) {
    if (bucketSeen.get()) {
      return;
    }
    try {
      storage.list(
          bucket,
          BlobListOption.pageSize(1),
          BlobListOption.prefix(layout.listPrefix("")),
          BlobListOption.fields(BlobField.NAME));
      bucketSeen.set(true);
    } catch (RuntimeException e) {
      throw errors.translate(e, action);
    }
  }

  /** Meltano's layout in a bucket: object names of at most 1024 bytes, ids without '/'. */
  @Override
  public StateIdRule idRule() {
    return layout.idRule(describe(), 1024, true);
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return describe();
  }

  @Override
  public void close() {
    try {
      storage.close();
    } catch (Exception e) {
      LOG.debug("Closing the Cloud Storage client of {} failed", description, e);
    }
  }

  private BlobId blobId(String stateId, ObjectKind kind) {
    return BlobId.of(bucket, layout.key(stateId, kind));
  }

  private StateStoreException changed(String stateId, ObjectKind kind, Throwable cause) {
    return new StateStoreException(
        ErrorKind.CONFLICT,
        what(stateId, kind) + " changed or was removed meanwhile in " + description,
        cause);
  }

  private Version generationOf(Blob blob, String stateId, ObjectKind kind) {
    if (blob == null || blob.getGeneration() == null) {
      throw new StateStoreException(
          ErrorKind.UNAVAILABLE,
          "Cloud Storage stored "
              + what(stateId, kind)
              + " in "
              + description
              + " but answered without its generation");
    }
    return new Version(Long.toString(blob.getGeneration()));
  }

  private static Optional<Long> generation(Version version) {
    try {
      return Optional.of(Long.parseLong(version.token()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id '" + stateId + "'";
  }
}
