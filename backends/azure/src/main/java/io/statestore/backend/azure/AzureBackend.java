package io.statestore.backend.azure;

import com.azure.core.util.BinaryData;
import com.azure.core.util.Context;
import com.azure.storage.blob.BlobClient;
import com.azure.storage.blob.BlobContainerClient;
import com.azure.storage.blob.models.BlobDownloadContentResponse;
import com.azure.storage.blob.models.BlobDownloadHeaders;
import com.azure.storage.blob.models.BlobErrorCode;
import com.azure.storage.blob.models.BlobHttpHeaders;
import com.azure.storage.blob.models.BlobRequestConditions;
import com.azure.storage.blob.models.BlockBlobItem;
import com.azure.storage.blob.options.BlockBlobSimpleUploadOptions;
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
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * States in an Azure Blob Storage container, in Meltano's layout: {@code
 * <prefix>/<state_id>/state.json} and {@code <prefix>/<state_id>/lock}, both with content type
 * {@code application/json}.
 *
 * <p>Versions are blob ETags. A create-if-absent is one Put Blob with {@code If-None-Match: *} and
 * a compare-and-set one with {@code If-Match: <etag>}, so the service itself decides races. Each
 * write is a single Put Blob request (never staged blocks), hence atomic for readers. One {@link
 * BlobContainerClient}, built when the store is opened, serves every thread.
 */
public final class AzureBackend implements StateBackend {
  private static final Logger LOG = LoggerFactory.getLogger(AzureBackend.class);
  private static final String CONTENT_TYPE = "application/json";
  private static final int READS_WITHOUT_ETAG = 6;

  private final BlobContainerClient container;
  private final ObjectKeyLayout layout;
  private final AzureErrors errors;
  private final String description;
  private final int pageSize;

  AzureBackend(
      BlobContainerClient container,
      AzureLocation location,
      AzureErrors errors,
      AzureClientOptions options) {
    this.container = container;
    this.layout = new ObjectKeyLayout(location.prefix());
    this.errors = errors;
    this.description = location.describe();
    this.pageSize = options.pageSize();
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    BlobClient blob = blob(stateId, kind);
    for (int attempt = 1; ; attempt++) {
      try {
        BlobDownloadContentResponse response =
            blob.downloadContentWithResponse(null, null, null, Context.NONE);
        BlobDownloadHeaders headers = response.getDeserializedHeaders();
        if (missing(headers.getETag()) && attempt < READS_WITHOUT_ETAG) {
          LOG.debug(
              "Reading {} gave no ETag (attempt {}); reading again", what(stateId, kind), attempt);
          pause(attempt);
          continue;
        }
        return Optional.of(
            new StoredObject(
                response.getValue().toBytes(),
                instant(headers.getLastModified()),
                version(headers.getETag(), stateId, kind)));
      } catch (RuntimeException e) {
        if (e instanceof StateStoreException s) {
          throw s;
        }
        if (AzureErrors.isBlobNotFound(e)) {
          return Optional.empty();
        }
        throw errors.translate(e, "reading " + what(stateId, kind));
      }
    }
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return AzureListing.stream(container, layout, kind, prefix, pageSize, errors);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    BlobRequestConditions conditions = new BlobRequestConditions();
    if (precondition instanceof Precondition.Absent) {
      conditions.setIfNoneMatch("*");
    } else if (precondition instanceof Precondition.Matches m) {
      conditions.setIfMatch(m.version().token());
    }
    BlockBlobSimpleUploadOptions options =
        new BlockBlobSimpleUploadOptions(BinaryData.fromBytes(content))
            .setHeaders(new BlobHttpHeaders().setContentType(CONTENT_TYPE))
            .setRequestConditions(conditions);
    Context context = AttemptCounter.newContext();
    try {
      BlockBlobItem item =
          blob(stateId, kind)
              .getBlockBlobClient()
              .uploadWithResponse(options, null, context)
              .getValue();
      LOG.debug("Wrote {} ({} bytes) in {}", what(stateId, kind), content.length, description);
      if (missing(item.getETag())) {
        return versionOfWhatWeWrote(stateId, kind, content, precondition);
      }
      return new Version(item.getETag());
    } catch (StateStoreException e) {
      throw e;
    } catch (RuntimeException e) {
      StateStoreException failure = writeFailure(e, stateId, kind, precondition);
      if (AttemptCounter.attempts(context) > 1
          && (failure.kind() == ErrorKind.ALREADY_EXISTS || failure.kind() == ErrorKind.CONFLICT)) {
        Optional<Version> own = ownRetriedWrite(stateId, kind, content);
        if (own.isPresent()) {
          return own.get();
        }
      }
      throw failure;
    }
  }

  /**
   * After a conditional write failed on a retry: the version now stored if it holds exactly our
   * bytes, i.e. an earlier attempt of ours succeeded and only its answer was lost.
   */
  private Optional<Version> ownRetriedWrite(String stateId, ObjectKind kind, byte[] content) {
    try {
      Optional<StoredObject> now = read(stateId, kind);
      if (now.isPresent() && Arrays.equals(now.get().content(), content)) {
        LOG.info(
            "A retried write of {} in {} found its own earlier attempt stored; taking it as done",
            what(stateId, kind),
            description);
        return Optional.of(now.get().version());
      }
    } catch (StateStoreException e) {
      LOG.debug("Could not check a retried write of {}", what(stateId, kind), e);
    }
    return Optional.empty();
  }

  /**
   * The version of a blob just written whose answer carried no ETag: read back, and taken only when
   * it holds exactly the bytes written. Otherwise another writer removed or replaced it since, and
   * the write is reported as lost to that writer (a lock attempt is simply made again). A store
   * that never shows ETags is {@link ErrorKind#UNSUPPORTED}; a lock written there is removed again.
   */
  private Version versionOfWhatWeWrote(
      String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    Optional<StoredObject> now;
    try {
      now = read(stateId, kind);
    } catch (StateStoreException e) {
      if (e.kind() == ErrorKind.UNSUPPORTED && kind == ObjectKind.LOCK) {
        removeIfStillOurs(stateId, kind, content);
      }
      throw e;
    }
    if (now.isPresent() && Arrays.equals(now.get().content(), content)) {
      LOG.debug("The write of {} gave no ETag; reading it back found ours", what(stateId, kind));
      return now.get().version();
    }
    String message =
        what(stateId, kind)
            + " in "
            + description
            + " was "
            + (now.isEmpty() ? "removed" : "replaced")
            + " by another writer right after this write";
    LOG.info("{}", message);
    throw new StateStoreException(
        kind == ObjectKind.LOCK && precondition instanceof Precondition.Absent
            ? ErrorKind.ALREADY_EXISTS
            : ErrorKind.CONFLICT,
        message);
  }

  private void removeIfStillOurs(String stateId, ObjectKind kind, byte[] content) {
    try {
      BlobClient blob = blob(stateId, kind);
      if (Arrays.equals(blob.downloadContent().toBytes(), content)) {
        blob.delete();
      }
    } catch (RuntimeException e) {
      LOG.warn("Could not remove {} that this write left in {}", what(stateId, kind), description);
    }
  }

  private Version version(String eTag, String stateId, ObjectKind kind) {
    if (missing(eTag)) {
      throw new StateStoreException(
          ErrorKind.UNSUPPORTED,
          description
              + " returned no ETag for "
              + what(stateId, kind)
              + "; conditional writes need it");
    }
    return new Version(eTag);
  }

  private static boolean missing(String eTag) {
    return eTag == null || eTag.isEmpty();
  }

  private static void pause(int attempt) {
    try {
      Thread.sleep(20L * attempt + ThreadLocalRandom.current().nextLong(20));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StateStoreException(ErrorKind.CANCELLED, "interrupted while reading", e);
    }
  }

  private StateStoreException writeFailure(
      RuntimeException e, String stateId, ObjectKind kind, Precondition precondition) {
    int status = AzureErrors.status(e);
    String code = AzureErrors.code(e);
    if (precondition instanceof Precondition.Absent
        && ((status == 409 && code.equals(BlobErrorCode.BLOB_ALREADY_EXISTS.toString()))
            || isConditionNotMet(status, code))) {
      return new StateStoreException(
          ErrorKind.ALREADY_EXISTS, what(stateId, kind) + " exists in " + description, e);
    }
    if (precondition instanceof Precondition.Matches
        && (isConditionNotMet(status, code) || AzureErrors.isBlobNotFound(e))) {
      return new StateStoreException(
          ErrorKind.CONFLICT,
          what(stateId, kind) + " changed or was removed meanwhile in " + description,
          e);
    }
    return errors.translate(e, "writing " + what(stateId, kind));
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    BlobRequestConditions conditions = null;
    if (precondition instanceof Precondition.Matches m) {
      conditions = new BlobRequestConditions().setIfMatch(m.version().token());
    }
    Context context = AttemptCounter.newContext();
    try {
      blob(stateId, kind).deleteWithResponse(null, conditions, null, context);
      LOG.debug("Deleted {} in {}", what(stateId, kind), description);
      return true;
    } catch (RuntimeException e) {
      boolean missing = AzureErrors.isBlobNotFound(e);
      if (conditions == null && missing) {
        return false;
      }
      if (conditions != null
          && (missing || isConditionNotMet(AzureErrors.status(e), AzureErrors.code(e)))) {
        if (AttemptCounter.attempts(context) > 1 && isGone(stateId, kind)) {
          // An earlier attempt of ours deleted it; only its answer was lost.
          LOG.info("A retried delete of {} in {} found it gone", what(stateId, kind), description);
          return true;
        }
        throw new StateStoreException(
            ErrorKind.CONFLICT,
            what(stateId, kind) + " changed or was removed meanwhile in " + description,
            e);
      }
      throw errors.translate(e, "deleting " + what(stateId, kind));
    }
  }

  private boolean isGone(String stateId, ObjectKind kind) {
    try {
      return read(stateId, kind).isEmpty();
    } catch (StateStoreException e) {
      LOG.debug("Could not check a retried delete of {}", what(stateId, kind), e);
      return false;
    }
  }

  /**
   * Meltano's layout in a container: blob names of at most 1024 characters, ids without '/' or '\\'
   * (which Azure's tools take for a '/').
   */
  @Override
  public StateIdRule idRule() {
    return layout
        .idRule(describe(), 1024, false)
        .without('\\', "Azure tools and SDKs take it for a path separator");
  }

  @Override
  public String describe() {
    return description;
  }

  @Override
  public String toString() {
    return describe();
  }

  private BlobClient blob(String stateId, ObjectKind kind) {
    return container.getBlobClient(layout.key(stateId, kind));
  }

  private static boolean isConditionNotMet(int status, String code) {
    return status == 412
        && (code.isEmpty() || code.equals(BlobErrorCode.CONDITION_NOT_MET.toString()));
  }

  private static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id '" + stateId + "'";
  }

  private static Instant instant(OffsetDateTime time) {
    return time == null ? null : time.toInstant();
  }
}
