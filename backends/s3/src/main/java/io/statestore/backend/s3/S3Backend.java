package io.statestore.backend.s3;

import io.statestore.core.StateIds;
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
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;

/**
 * A store in an S3 bucket, in Meltano's layout: {@code <prefix>/<state_id>/state.json} and {@code
 * <prefix>/<state_id>/lock}, both {@code application/json}, so Meltano and statestore can share a
 * bucket.
 *
 * <ul>
 *   <li>Versions are ETags. Create-if-absent is a put with {@code If-None-Match: *} and
 *       compare-and-set a put with {@code If-Match}, both atomic on S3 itself (since 2024) and on
 *       S3-compatible stores that implement them. {@code 412} means the condition failed; S3's
 *       {@code 409 ConditionalRequestConflict} (a concurrent conditional request) is retried.
 *   <li>A conditional put that the SDK retried after a lost answer, and that its own first attempt
 *       then made fail, is recognised by reading the object back: if it holds exactly the bytes
 *       written, the write counts as done.
 *   <li>A conditional delete compares the ETag with a HEAD, then deletes with {@code If-Match}; on
 *       a store that refuses conditional deletes ({@code 501}) it deletes after the HEAD alone,
 *       which leaves a short race with other writers (logged once).
 *   <li>A delete without a condition is a HEAD (to report whether there was an object) and a
 *       DELETE.
 *   <li>Listing: see {@link S3Listing}.
 * </ul>
 *
 * <p>An ETag is a digest of the content, so writing the same bytes again gives the same version;
 * compare-and-set cannot tell such a rewrite apart, which is harmless for state documents and lock
 * stamps (they carry the time in microseconds).
 *
 * <p>One {@link S3Client} serves the backend; {@link #close()} closes it. Thread-safe.
 */
public final class S3Backend implements StateBackend {
  private static final Logger LOG = LoggerFactory.getLogger(S3Backend.class);
  private static final String CONTENT_TYPE = "application/json";
  private static final int CONFLICT_ATTEMPTS = 5;
  private static final int TORN_READ_ATTEMPTS = 6;

  private final S3Client client;
  private final S3Location location;
  private final ObjectKeyLayout layout;
  private final S3Credentials credentials;
  private final S3Errors errors;
  private final int pageSize;
  private final AtomicBoolean plainDeletes = new AtomicBoolean();

  /**
   * @param client the client, owned (closed) by this backend from now on
   * @param location the bucket and prefix
   * @param credentials the credentials the client uses, for messages; closed with the backend
   * @param pageSize the listing page size (S3's maximum and default is 1000)
   */
  S3Backend(S3Client client, S3Location location, S3Credentials credentials, int pageSize) {
    this.client = client;
    this.location = location;
    this.layout = new ObjectKeyLayout(location.prefix());
    this.credentials = credentials;
    this.errors = new S3Errors(location.toString(), location.bucket(), credentials.source());
    this.pageSize = pageSize;
  }

  /** The bucket and prefix. */
  public S3Location location() {
    return location;
  }

  /**
   * Where the credentials come from, e.g. {@code setting s3.aws_access_key_id}, {@code URI user
   * info} or {@code default AWS chain}; never a key.
   */
  public String credentialSource() {
    return credentials.source();
  }

  @Override
  public Optional<StoredObject> read(String stateId, ObjectKind kind) {
    String key = layout.key(stateId, kind);
    for (int attempt = 1; ; attempt++) {
      try {
        ResponseBytes<GetObjectResponse> r =
            client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key));
        GetObjectResponse meta = r.response();
        if (ETags.missing(meta.eTag()) && attempt < TORN_READ_ATTEMPTS) {
          tornAnswer("GET", stateId, kind, attempt);
          continue;
        }
        return Optional.of(
            new StoredObject(
                r.asByteArrayUnsafe(), meta.lastModified(), version(meta.eTag(), stateId, kind)));
      } catch (SdkException e) {
        if (S3Errors.isMissingKey(e)) {
          return Optional.empty();
        }
        throw errors.translate(e, "reading " + what(stateId, kind));
      }
    }
  }

  /**
   * A read answered without an ETag. S3Proxy's file stores answer so when the object is replaced or
   * removed while they read its attributes (one by one, by path), so the answer describes no single
   * version: read again.
   */
  private void tornAnswer(String method, String stateId, ObjectKind kind, int attempt) {
    LOG.debug(
        "{} of {} answered without an ETag (attempt {}); reading again",
        method,
        what(stateId, kind),
        attempt);
    RetryPause.pause(attempt);
  }

  @Override
  public Stream<ListedState> list(ObjectKind kind, String prefix) {
    return S3Listing.stream(client, location.bucket(), layout, kind, prefix, pageSize, errors);
  }

  @Override
  public Version write(String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    PutObjectRequest.Builder b =
        PutObjectRequest.builder()
            .bucket(location.bucket())
            .key(layout.key(stateId, kind))
            .contentType(CONTENT_TYPE);
    if (precondition instanceof Precondition.Absent) {
      b.ifNoneMatch("*");
    } else if (precondition instanceof Precondition.Matches m) {
      b.ifMatch(m.version().token());
    }
    PutObjectRequest request = b.build();
    for (int attempt = 1; ; attempt++) {
      try {
        PutObjectResponse r = client.putObject(request, RequestBody.fromBytes(content));
        if (ETags.missing(r.eTag())) {
          return versionOfWhatWeWrote(stateId, kind, content, precondition);
        }
        return version(r.eTag(), stateId, kind);
      } catch (SdkException e) {
        if (S3Errors.isConcurrentConditionalRequest(e) && attempt < CONFLICT_ATTEMPTS) {
          RetryPause.pause(attempt);
          continue;
        }
        boolean refused =
            S3Errors.status(e) == 412
                || S3Errors.isConcurrentConditionalRequest(e)
                || (precondition instanceof Precondition.Matches && S3Errors.isMissingKey(e));
        if (!refused) {
          throw errors.translate(e, "writing " + what(stateId, kind));
        }
        Optional<Version> ours = landedOnAnEarlierAttempt(e, stateId, kind, content);
        if (ours.isPresent()) {
          return ours.get();
        }
        if (precondition instanceof Precondition.Absent) {
          throw new StateStoreException(
              ErrorKind.ALREADY_EXISTS, what(stateId, kind) + " exists in " + location, e);
        }
        throw changed(stateId, kind, e);
      }
    }
  }

  /**
   * Whether a conditional put refused after the SDK retried it (a lost response, a reset
   * connection) was refused because its own earlier attempt had already written it: then the object
   * holds exactly our bytes, and the write is done.
   */
  private Optional<Version> landedOnAnEarlierAttempt(
      SdkException refusal, String stateId, ObjectKind kind, byte[] content) {
    if (refusal.getSuppressed().length == 0) {
      return Optional.empty();
    }
    Optional<StoredObject> now = read(stateId, kind);
    if (now.isPresent() && Arrays.equals(now.get().content(), content)) {
      LOG.debug("A retried conditional put of {} found its own first attempt", what(stateId, kind));
      return Optional.of(now.get().version());
    }
    return Optional.empty();
  }

  @Override
  public boolean delete(String stateId, ObjectKind kind, Precondition precondition) {
    String key = layout.key(stateId, kind);
    Optional<HeadObjectResponse> head = head(stateId, kind);
    if (!(precondition instanceof Precondition.Matches m)) {
      if (head.isEmpty()) {
        return false;
      }
      deleteObject(DeleteObjectRequest.builder().bucket(location.bucket()).key(key), stateId, kind);
      return true;
    }
    String expected = m.version().token();
    if (head.isEmpty() || !ETags.same(head.get().eTag(), expected)) {
      throw changed(stateId, kind, null);
    }
    DeleteObjectRequest.Builder request =
        DeleteObjectRequest.builder().bucket(location.bucket()).key(key);
    if (!plainDeletes.get()) {
      try {
        deleteObject(request.copy().ifMatch(expected), stateId, kind);
        return true;
      } catch (StateStoreException e) {
        if (e.kind() != ErrorKind.UNSUPPORTED) {
          throw e;
        }
        if (plainDeletes.compareAndSet(false, true)) {
          LOG.warn(
              "{} refuses conditional deletes (If-Match); deleting after comparing ETags instead,"
                  + " which leaves a short race with other writers",
              location);
        }
      }
    }
    deleteObject(request, stateId, kind);
    return true;
  }

  private void deleteObject(DeleteObjectRequest.Builder request, String stateId, ObjectKind kind) {
    DeleteObjectRequest built = request.build();
    for (int attempt = 1; ; attempt++) {
      try {
        client.deleteObject(built);
        return;
      } catch (SdkException e) {
        if (S3Errors.isConcurrentConditionalRequest(e) && attempt < CONFLICT_ATTEMPTS) {
          RetryPause.pause(attempt);
          continue;
        }
        boolean refused =
            built.ifMatch() != null
                && (S3Errors.status(e) == 412
                    || S3Errors.isMissingKey(e)
                    || S3Errors.isConcurrentConditionalRequest(e));
        if (built.ifMatch() != null && S3Errors.refusesConditionalDeletes(e)) {
          throw new StateStoreException(
              ErrorKind.UNSUPPORTED, location + " refuses conditional deletes", e);
        }
        if (!refused) {
          throw errors.translate(e, "deleting " + what(stateId, kind));
        }
        if (e.getSuppressed().length > 0 && head(stateId, kind).isEmpty()) {
          return; // an earlier attempt, whose answer was lost, deleted it
        }
        throw changed(stateId, kind, e);
      }
    }
  }

  /** The object's metadata; an answer without an ETag is asked again a few times first. */
  private Optional<HeadObjectResponse> head(String stateId, ObjectKind kind) {
    for (int attempt = 1; ; attempt++) {
      try {
        HeadObjectResponse r =
            client.headObject(b -> b.bucket(location.bucket()).key(layout.key(stateId, kind)));
        if (ETags.missing(r.eTag()) && attempt < TORN_READ_ATTEMPTS) {
          tornAnswer("HEAD", stateId, kind, attempt);
          continue;
        }
        return Optional.of(r);
      } catch (SdkException e) {
        if (S3Errors.status(e) == 404) {
          return Optional.empty();
        }
        throw errors.translate(e, "reading the metadata of " + what(stateId, kind));
      }
    }
  }

  private StateStoreException changed(String stateId, ObjectKind kind, Throwable cause) {
    return new StateStoreException(
        ErrorKind.CONFLICT,
        what(stateId, kind) + " in " + location + " changed or vanished since it was read",
        cause);
  }

  /**
   * The version of an object just written whose answer carried no ETag (some S3-compatible stores
   * omit it): a HEAD finds it, and it is taken only when it is the MD5 of exactly the bytes
   * written, so it cannot be another writer's. When the HEAD shows no object or another one, the
   * put took effect but another writer removed or replaced the object since (a lock broken by
   * {@code force-unlock} or taken over): the write is reported as lost to that writer, so a lock
   * attempt is simply made again. A store that never shows ETags is {@link ErrorKind#UNSUPPORTED},
   * and a lock written there is removed again.
   */
  private Version versionOfWhatWeWrote(
      String stateId, ObjectKind kind, byte[] content, Precondition precondition) {
    Optional<HeadObjectResponse> head = head(stateId, kind);
    if (head.isPresent() && ETags.same(head.get().eTag(), ContentHashes.md5Hex(content))) {
      LOG.debug("The put of {} answered without an ETag; HEAD found ours", what(stateId, kind));
      return new Version(head.get().eTag());
    }
    if (head.isPresent() && ETags.missing(head.get().eTag())) {
      if (kind == ObjectKind.LOCK) {
        removeIfStillOurs(stateId, kind, content);
      }
      return version(null, stateId, kind);
    }
    String happened = head.isEmpty() ? "removed" : "replaced";
    LOG.info(
        "The put of {} answered without an ETag and the object was {} by another writer since",
        what(stateId, kind),
        happened);
    String message =
        what(stateId, kind)
            + " in "
            + location
            + " was "
            + happened
            + " by another writer right after this write";
    if (kind == ObjectKind.LOCK && precondition instanceof Precondition.Absent) {
      throw new StateStoreException(ErrorKind.ALREADY_EXISTS, message);
    }
    throw new StateStoreException(ErrorKind.CONFLICT, message);
  }

  /** Removes an object that cannot be confirmed by version if it still holds {@code content}. */
  private void removeIfStillOurs(String stateId, ObjectKind kind, byte[] content) {
    String key = layout.key(stateId, kind);
    try {
      byte[] now =
          client.getObjectAsBytes(b -> b.bucket(location.bucket()).key(key)).asByteArrayUnsafe();
      if (Arrays.equals(now, content)) {
        client.deleteObject(b -> b.bucket(location.bucket()).key(key));
      }
    } catch (SdkException e) {
      LOG.warn("Could not remove {} that this write left in {}", what(stateId, kind), location, e);
    }
  }

  private Version version(String eTag, String stateId, ObjectKind kind) {
    if (eTag == null || eTag.isEmpty()) {
      throw new StateStoreException(
          ErrorKind.UNSUPPORTED,
          location
              + " returned no ETag for "
              + what(stateId, kind)
              + "; conditional writes need it");
    }
    return new Version(eTag);
  }

  private static String what(String stateId, ObjectKind kind) {
    return kind.fileName() + " of state_id " + StateIds.quote(stateId);
  }

  /** Meltano's layout in a bucket: keys of at most 1024 bytes, ids without '/'. */
  @Override
  public StateIdRule idRule() {
    return layout.idRule(describe(), 1024, true);
  }

  @Override
  public String describe() {
    return location.toString();
  }

  @Override
  public void close() {
    try {
      client.close();
    } finally {
      credentials.close();
    }
  }

  @Override
  public String toString() {
    return "S3Backend[" + location + ", credentials from " + credentials.source() + "]";
  }
}
