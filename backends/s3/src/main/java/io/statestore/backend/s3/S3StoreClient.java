package io.statestore.backend.s3;

import io.statestore.core.objectstore.ObjectStoreClient;
import io.statestore.spi.Precondition;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Response;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * The requests of an S3 bucket. Versions are ETags. Create-if-absent is a {@code PutObject} with
 * {@code If-None-Match: *} and compare-and-set one with {@code If-Match}, both atomic on S3 itself
 * (since 2024) and on S3-compatible stores that implement them; {@code 412} means the condition
 * failed, and S3's {@code 409 ConditionalRequestConflict} (a concurrent conditional request) is
 * {@link Outcome#BUSY}. Objects have content type {@code application/json}. The SDK keeps the
 * failures of its earlier attempts as suppressed exceptions, which tells a retried request.
 *
 * <ul>
 *   <li>Conditional deletes: see {@link S3ConditionalDeletes}.
 *   <li>A delete without a condition is a HEAD (to report whether there was an object) and a
 *       DELETE: S3 answers a DELETE alike whether or not there was one.
 *   <li>Listing: {@code ListObjectsV2} by page, without a delimiter.
 * </ul>
 *
 * <p>An ETag is a digest of the content, so writing the same bytes again gives the same version;
 * compare-and-set cannot tell such a rewrite apart, which is harmless for state documents and lock
 * stamps (they carry the time in microseconds). {@link #close()} closes the SDK client and the
 * credentials.
 */
final class S3StoreClient implements ObjectStoreClient {
  private static final String CONTENT_TYPE = "application/json";

  private final S3Client client;
  private final String bucket;
  private final S3Credentials credentials;
  private final S3Failures failures;
  private final S3ConditionalDeletes conditionalDeletes;

  /**
   * @param client the SDK client, owned (closed) by this one from now on
   * @param credentials the credentials the client uses; closed with it
   * @param store the store as {@code s3://bucket/prefix}, for log lines
   */
  S3StoreClient(S3Client client, String bucket, S3Credentials credentials, String store) {
    this.client = client;
    this.bucket = bucket;
    this.credentials = credentials;
    this.failures = new S3Failures(bucket, credentials.source());
    this.conditionalDeletes = new S3ConditionalDeletes(this, store);
  }

  /**
   * Where the credentials come from, e.g. {@code setting s3.aws_access_key_id}, {@code URI user
   * info} or {@code default AWS chain}; never a key.
   */
  String credentialSource() {
    return credentials.source();
  }

  @Override
  public Optional<Fetched> get(String key) {
    try {
      ResponseBytes<GetObjectResponse> r = client.getObjectAsBytes(b -> b.bucket(bucket).key(key));
      GetObjectResponse meta = r.response();
      return Optional.of(Fetched.of(r.asByteArrayUnsafe(), meta.lastModified(), meta.eTag()));
    } catch (SdkException e) {
      if (failures.isMissingKey(e)) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Optional<Head> head(String key) {
    try {
      HeadObjectResponse r = client.headObject(b -> b.bucket(bucket).key(key));
      return Optional.of(new Head(r.eTag(), ETags.md5Hex(r.eTag()), null));
    } catch (SdkException e) {
      if (failures.status(e) == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  @Override
  public Put put(String key, Write write, Precondition precondition) {
    PutObjectRequest.Builder b =
        PutObjectRequest.builder().bucket(bucket).key(key).contentType(CONTENT_TYPE);
    if (precondition instanceof Precondition.Absent) {
      b.ifNoneMatch("*");
    } else if (precondition instanceof Precondition.Matches m) {
      b.ifMatch(m.version().token());
    }
    try {
      return Put.done(client.putObject(b.build(), RequestBody.fromBytes(write.content())).eTag());
    } catch (SdkException e) {
      boolean retried = retried(e);
      if (failures.isConcurrentConditionalRequest(e)) {
        return Put.busy(retried);
      }
      if (failures.status(e) == 412
          || (precondition instanceof Precondition.Matches && failures.isMissingKey(e))) {
        return Put.refused(retried);
      }
      throw e;
    }
  }

  @Override
  public Delete delete(String key, Precondition precondition) {
    if (precondition instanceof Precondition.Matches m) {
      return conditionalDeletes.delete(key, m.version().token());
    }
    if (head(key).isEmpty()) {
      return Delete.missing(false);
    }
    deleteObject(key, null);
    return Delete.done();
  }

  @Override
  public Page list(String keyPrefix, String pageToken, int pageSize) {
    ListObjectsV2Response r =
        client.listObjectsV2(
            b -> b.bucket(bucket).prefix(keyPrefix).maxKeys(pageSize).continuationToken(pageToken));
    List<Entry> entries =
        r.contents().stream().map(o -> new Entry(o.key(), o.lastModified())).toList();
    return new Page(
        entries, Boolean.TRUE.equals(r.isTruncated()) ? r.nextContinuationToken() : null);
  }

  /** Sends one {@code DeleteObject}, with {@code If-Match} unless {@code ifMatch} is null. */
  void deleteObject(String key, String ifMatch) {
    client.deleteObject(b -> b.bucket(bucket).key(key).ifMatch(ifMatch));
  }

  /** How conditional deletes are made on this store now. */
  S3ConditionalDeletes.Mode conditionalDeleteMode() {
    return conditionalDeletes.mode();
  }

  /** How this SDK's failures read. */
  S3Failures failures() {
    return failures;
  }

  /** Whether the SDK sent the failed request more than once. */
  static boolean retried(SdkException e) {
    return e.getSuppressed().length > 0;
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
    return "S3 bucket " + bucket + ", credentials from " + credentials.source();
  }
}
